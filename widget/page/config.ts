import type { PageConfig } from '../../policy/pageConfig.ts'

export function readPageConfig(): PageConfig {
  const element = document.getElementById('page-config')
  if (!element?.textContent) throw new Error('The page configuration is missing.')
  return JSON.parse(element.textContent) as PageConfig
}
