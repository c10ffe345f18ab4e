export {
  type Failure,
  type FakePandorabots,
  type FakePandorabotsOptions,
  type RecordedCall,
  startFakePandorabots,
  type TalkContext,
} from "./fake-pandorabots.js";
export { splitSentences } from "./sentences.js";
