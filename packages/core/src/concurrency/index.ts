export { SerialLanes } from "./serial-lanes.js";
