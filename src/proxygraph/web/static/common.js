// Shared helpers. Text from the store is untrusted: it only ever reaches the page through
// textContent (el() below) or attributes set with setAttribute on safe names; no
// innerHTML, no insertAdjacentHTML, no string-built markup anywhere in these scripts.
"use strict";

const pg = (window.proxygraph = window.proxygraph || {});

// el("a", {href: "/x", class: "y"}, "text", otherNode): a DOM element; strings become text.
pg.el = function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "href") {
      const href = pg.safeHref(value);
      if (href !== null) node.setAttribute("href", href);
    } else if (name === "class") {
      node.className = String(value);
    } else if (/^(title|id|target|rel|role|type|data-[a-z-]+|aria-[a-z]+)$/.test(name)) {
      node.setAttribute(name, String(value));
    } else {
      throw new Error("el(): attribute not allowed: " + name);
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
};

// A link target: our own absolute paths, or http(s) URLs; anything else (javascript:,
// data:, protocol-relative //host) is refused.
pg.safeHref = function safeHref(value) {
  const href = String(value);
  if (href.startsWith("/") && !href.startsWith("//")) return href;
  if (/^#[A-Za-z0-9_-]*$/.test(href)) return href;
  if (/^https?:\/\//i.test(href.trim())) return href.trim();
  return null;
};

pg.getJSON = async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch (err) {
    body = null;
  }
  if (!response.ok) {
    const detail = body && body.detail;
    const message = typeof detail === "string" ? detail : response.status + " " + response.statusText;
    throw new Error(message);
  }
  return body;
};

// The claim's sentence with its source, target and claimant marked (highlights are
// non-overlapping offsets computed by the server).
pg.sentence = function sentence(text, highlights) {
  const q = pg.el("q", { class: "sentence" });
  let pos = 0;
  for (const h of highlights || []) {
    if (h.start < pos || h.end > text.length) continue;
    if (h.start > pos) q.appendChild(document.createTextNode(text.slice(pos, h.start)));
    q.appendChild(pg.el("mark", { class: "hl hl-" + String(h.role).replace(/[^a-z]/g, "") }, text.slice(h.start, h.end)));
    pos = h.end;
  }
  if (pos < text.length) q.appendChild(document.createTextNode(text.slice(pos)));
  return q;
};

pg.actorHref = function actorHref(key) {
  return "/actors/" + encodeURIComponent(key);
};
