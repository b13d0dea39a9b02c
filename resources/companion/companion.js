"use strict";
// The connection shared by both pages. A tap is sent only while the connection is open: nothing
// is queued while it is lost, so a lost connection can never move the slide later.
const Companion = (() => {
  const handlers = {};
  let ws = null;
  let nextId = 1;
  let delay = 500;
  let ended = false;

  function status(text, kind) {
    const el = document.getElementById("conn");
    el.textContent = text;
    el.className = "conn " + (kind || "");
  }

  function end(text) {
    ended = true;
    document.body.classList.add("ended");
    status(text, "error");
  }

  function connect() {
    if (ended) return;
    ws = new WebSocket(`ws://${location.host}/ws`);
    ws.onopen = () => {
      delay = 500;
      document.body.classList.remove("offline");
      status("", "");
      send({ type: "ping" });
    };
    ws.onmessage = (event) => {
      const message = JSON.parse(event.data);
      const handler = handlers[message.type];
      if (handler) handler(message);
    };
    ws.onclose = (event) => {
      ws = null;
      document.body.classList.add("offline");
      if (event.code === 4403) return end("The speaker disconnected this device.");
      if (event.code === 4401) return end("This device is no longer paired. Scan the QR code again.");
      if (event.code === 1001) return end("The companion was stopped on the laptop. Scan its new QR code to pair again.");
      check();
    };
  }

  // A refused handshake looks like any lost connection: ask whether this device is still paired.
  async function check() {
    try {
      const answer = await fetch("/api/me", { cache: "no-store" });
      if (answer.status === 401 || answer.status === 403) {
        return end("This device is no longer paired. Scan the QR code again.");
      }
    } catch (err) {
      // the laptop is not reachable: try again later
    }
    status("Connection lost. Reconnecting… Taps are not sent until it is back.", "warn");
    setTimeout(connect, delay);
    delay = Math.min(delay * 2, 8000);
  }

  function send(message) {
    if (!ws || ws.readyState !== WebSocket.OPEN) return false;
    message.t = performance.now();
    ws.send(JSON.stringify(message));
    return true;
  }

  setInterval(() => send({ type: "ping" }), 5000);
  return {
    on(type, handler) { handlers[type] = handler; },
    send,
    command(name) { return send({ type: "command", name, id: nextId++ }); },
    connected() { return !!ws && ws.readyState === WebSocket.OPEN; },
    connect,
    status,
  };
})();
