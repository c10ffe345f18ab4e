export { createHttpListener, type HttpListener, type HttpListenerOptions } from "./create-http-listener.js";
export { RESERVED_PATHS } from "./route-table.js";
