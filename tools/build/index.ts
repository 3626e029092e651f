import { buildCodeEditor } from './codeEditor.ts'
import { buildKitModule } from './kit.ts'
import { buildPackageEntries, writePolicyJsonSchema } from './package.ts'
import { buildPage } from './page.ts'
import { compileServer } from './server.ts'
import { buildWidgetAssets } from './widgetAssets.ts'

// `npm run build`: everything the product ships, from scratch. One after the other: the builds share two cores.
await buildPage()
await buildKitModule()
await buildCodeEditor()
await buildPackageEntries()
await writePolicyJsonSchema()
await Promise.all([compileServer(), buildWidgetAssets()])
