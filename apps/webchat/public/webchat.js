// Parley web chat: plain DOM, no framework. Bot content is always inserted as text or built elements,
// never as HTML.
(() => {
  const API = "api/webchat/messages";
  const USER_KEY = "parley.webchat.userId";
  const MAX_DELAY_SECONDS = 10;
  const SAFE_LINK = /^(https?:|mailto:|tel:)/i;
  const SAFE_MEDIA = /^(https?:|data:image\/|data:video\/)/i;
  const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"]*[^\s<>".,:;!?'")\]]/gi;

  const log = document.getElementById("log");
  const conversation = document.getElementById("conversation");
  const hint = document.getElementById("hint");
  const form = document.getElementById("composer");
  const input = document.getElementById("message");
  const typing = document.getElementById("typing");
  const status = document.getElementById("status");
  const maxText = Number(document.querySelector('meta[name="parley-max-text"]')?.content) || 2000;
  input.maxLength = maxText;

  let fallbackUserId;
  let pending = Promise.resolve();
  let waiting = 0;

  function randomId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
      b.toString(16).padStart(2, "0"),
    ).join("");
  }

  // Kept in the browser so the bot remembers the person across reloads.
  function userId() {
    try {
      let id = localStorage.getItem(USER_KEY);
      if (!id) {
        id = `web-${randomId()}`;
        localStorage.setItem(USER_KEY, id);
      }
      return id;
    } catch {
      fallbackUserId ??= `web-${randomId()}`;
      return fallbackUserId;
    }
  }

  function el(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  function scrollToEnd() {
    conversation.scrollTop = conversation.scrollHeight;
  }

  function addMessage(kind, content, label) {
    hint.hidden = true;
    const item = el("li", { class: `msg ${kind}` }, [el("span", { class: "visually-hidden", text: label })]);
    if (typeof content === "string") item.append(content);
    else for (const node of content) item.append(node);
    log.append(item);
    scrollToEnd();
    return item;
  }

  function setTyping(on) {
    waiting += on ? 1 : -1;
    typing.hidden = waiting <= 0;
    scrollToEnd();
  }

  /** Text with line breaks and clickable links. */
  function richText(text, tag = "p") {
    const node = el(tag);
    text.split("\n").forEach((line, i) => {
      if (i > 0) node.append(el("br"));
      let last = 0;
      for (const match of line.matchAll(URL_IN_TEXT)) {
        node.append(line.slice(last, match.index));
        node.append(link(match[0], match[0]));
        last = match.index + match[0].length;
      }
      node.append(line.slice(last));
    });
    return node;
  }

  function link(text, url) {
    if (!SAFE_LINK.test(url)) return document.createTextNode(text);
    return el("a", { href: url, target: "_blank", rel: "noopener noreferrer", text });
  }

  function buttonElement(button, chip) {
    const cls = chip ? "chip" : "btn";
    if (button.url && !button.postback) {
      const anchor = link(button.text, button.url);
      if (anchor.nodeType === Node.ELEMENT_NODE) anchor.className = cls;
      return anchor;
    }
    return el("button", {
      type: "button",
      class: cls,
      text: button.text,
      onclick: () => {
        if (button.url && SAFE_LINK.test(button.url)) window.open(button.url, "_blank", "noopener");
        send(button.postback ?? button.text, button.text);
      },
    });
  }

  function buttonGroup(buttons, cls, label) {
    return el(
      "div",
      { class: cls, role: "group", "aria-label": label },
      buttons.map((b) => buttonElement(b, cls === "quick-replies")),
    );
  }

  function card(c) {
    const image =
      c.image && SAFE_MEDIA.test(c.image)
        ? el("img", { src: c.image, alt: c.title ?? "", loading: "lazy" })
        : null;
    return el("article", { class: "card" }, [
      image,
      el("div", { class: "card-body" }, [
        c.title ? el("h3", { text: c.title }) : null,
        c.subtitle ? el("p", { class: "subtitle", text: c.subtitle }) : null,
        c.buttons?.length ? buttonGroup(c.buttons, "buttons", c.title ?? "Options") : null,
      ]),
    ]);
  }

  function media(part) {
    if (!SAFE_MEDIA.test(part.url)) return link(part.url, part.url);
    if (part.type === "image") return el("img", { class: "media", src: part.url, alt: "Image from the bot" });
    const video = el("video", { class: "media", src: part.url, controls: "", preload: "metadata" });
    video.append(link("Open the video", part.url));
    return video;
  }

  function renderPart(part) {
    switch (part.type) {
      case "text":
        return richText(part.text);
      case "buttons":
        return el("div", { class: "part" }, [
          part.text ? richText(part.text) : null,
          buttonGroup(part.buttons, "buttons", part.text ?? "Options"),
        ]);
      case "quickReplies":
        return el("div", { class: "part" }, [
          part.text ? richText(part.text) : null,
          buttonGroup(part.replies, "quick-replies", "Quick replies"),
        ]);
      case "image":
      case "video":
        return media(part);
      case "link":
        return el("p", {}, [link(part.text, part.url)]);
      case "card":
        return card(part.card);
      case "carousel":
        return el(
          "ul",
          { class: "carousel", "aria-label": "Carousel", tabindex: "0" },
          part.cards.map((c) => el("li", {}, [card(c)])),
        );
      case "list":
        return el(
          part.ordered ? "ol" : "ul",
          { class: "list" },
          part.items.map((item) => richText(item, "li")),
        );
      default:
        return null;
    }
  }

  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  async function renderReply(reply) {
    for (const message of reply?.messages ?? []) {
      let bubble = null;
      for (const part of message) {
        if (part.type === "delay") {
          // A delay is shown as the bot typing.
          setTyping(true);
          await pause(Math.min(Math.max(part.seconds, 0), MAX_DELAY_SECONDS) * 1000);
          setTyping(false);
          continue;
        }
        const node = renderPart(part);
        if (!node) continue;
        bubble ??= addMessage("bot", [], "The bot said:");
        if (part.type === "carousel") bubble.classList.add("wide");
        bubble.append(node);
        scrollToEnd();
      }
    }
  }

  function removeQuickReplies() {
    for (const group of log.querySelectorAll(".quick-replies")) group.remove();
  }

  async function exchange(text) {
    setTyping(true);
    try {
      const response = await fetch(API, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ userId: userId(), text, messageId: randomId() }),
      });
      const body = await response.json().catch(() => ({}));
      setTyping(false);
      if (!response.ok) {
        showProblem(body.error || `The bot could not answer (HTTP ${response.status}).`);
        return;
      }
      await renderReply(body.replies);
    } catch {
      setTyping(false);
      showProblem("Could not reach the bot. Check your connection and try again.");
    }
  }

  function showProblem(text) {
    addMessage("system", text, "Problem:");
    status.textContent = text;
  }

  function send(text, shown) {
    const message = text.trim().slice(0, maxText);
    if (!message) return;
    removeQuickReplies();
    addMessage("user", shown ?? message, "You said:");
    // One exchange at a time, so answers appear in the order the questions were asked.
    pending = pending.then(() => exchange(message));
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send(input.value);
    input.value = "";
    autoGrow();
    input.focus();
  });

  // Enter sends, Shift+Enter starts a new line.
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  function autoGrow() {
    input.style.height = "auto";
    input.style.height = `${Math.min(input.scrollHeight, 140)}px`;
  }
  input.addEventListener("input", autoGrow);

  userId();
  input.focus();
})();
