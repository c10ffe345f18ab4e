import { afterEach, describe, expect, it } from "vitest";
import { startDemoWebchat } from "../testing/start-demo.js";

type Demo = Awaited<ReturnType<typeof startDemoWebchat>>;
const running: Demo[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((d) => d.close()));
});

describe("the chat page and its assets", () => {
  it("serves the page at / with the title and text limit filled in, escaped", async () => {
    const demo = await startDemoWebchat({ title: "Ask <Ada> & co", maxText: 321 });
    running.push(demo);
    const res = await fetch(`${demo.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain("<title>Ask &#60;Ada&#62; &#38; co</title>");
    expect(html).toContain('<meta name="parley-max-text" content="321" />');
    expect(html).not.toContain("{{");
  });

  it("serves the script, the styles and the icon, and nothing else under /webchat/", async () => {
    const demo = await startDemoWebchat();
    running.push(demo);
    const js = await fetch(`${demo.url}/webchat/webchat.js`);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await js.text()).toContain("api/webchat/messages");
    expect((await fetch(`${demo.url}/webchat/webchat.css`)).headers.get("content-type")).toBe(
      "text/css; charset=utf-8",
    );
    expect((await fetch(`${demo.url}/webchat/icon.svg`)).status).toBe(200);
    expect((await fetch(`${demo.url}/webchat/../package.json`)).status).toBe(404);
    expect((await fetch(`${demo.url}/webchat/%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${demo.url}/webchat/nope.js`)).status).toBe(404);
  });
});
