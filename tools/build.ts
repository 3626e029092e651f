import { compileServer } from './compileServer.ts'
import { buildWidgetAssets } from './widgetAssets.ts'

// `npm run build`, after Vite's page and kit builds: the server as JavaScript and the widget's compressed files.
await Promise.all([compileServer(), buildWidgetAssets()])
