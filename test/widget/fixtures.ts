import { policyWith, registrationPolicy } from '../helpers/policy.ts'

/** The shipped policy, validated with every default filled in, as the server and the snippet use it. */
export const policy = policyWith()

export const compiled = registrationPolicy()

/** A form shaped like the widget's: a labelled text input inside a container, and a submit button. */
export function departmentForm(): { form: HTMLFormElement; input: HTMLInputElement; submitted: () => number } {
  document.body.replaceChildren()
  const form = document.createElement('form')
  const label = document.createElement('label')
  label.htmlFor = 'department'
  label.textContent = 'Department'
  const span = document.createElement('span')
  const input = document.createElement('input')
  input.id = 'department'
  input.name = 'userProfile.department'
  input.type = 'text'
  span.append(input)
  const submit = document.createElement('input')
  submit.type = 'submit'
  submit.value = 'Sign Up'
  form.append(label, span, submit)
  let submits = 0
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    submits++
  })
  document.body.append(form)
  return { form, input, submitted: () => submits }
}
