export { createHttpListener, type HttpListener, type HttpListenerOptions } from "./create-http-listener.js";
export { HttpBodyError, type ReadJsonBodyOptions, readJsonBody } from "./read-json-body.js";
export { RESERVED_PATHS } from "./route-table.js";
