"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  let lock = null;

  function tap(name) {
    const button = $(name);
    if (!Companion.command(name)) return;  // not connected: nothing is sent, nothing is kept for later
    button.classList.add("sent");
    setTimeout(() => button.classList.remove("sent"), 160);
    if (navigator.vibrate) navigator.vibrate(12);
  }
  for (const name of ["next", "previous", "black"]) $(name).addEventListener("click", () => tap(name));

  Companion.on("state", (m) => {
    $("slide").textContent = m.label || "–";
    $("total").textContent = m.total || "–";
    $("title").textContent = m.title || "";
    $("time").textContent = m.time_text || "–:––";
    $("time-label").textContent = m.time_label || "";
    $("time").parentElement.classList.toggle("over", m.time_label === "over");
    const black = m.blank === "black";
    $("black").classList.toggle("on", black);
    $("black").textContent = black ? "Show the slide" : "Black screen";
    const notes = $("notes");
    notes.hidden = !m.notes_on;
    if (m.notes_on) notes.innerHTML = m.notes_html || "<p class=\"muted\">No notes for this slide.</p>";
  });

  // Keep the screen on. Browsers offer the Wake Lock API only to secure pages (https or this
  // machine itself), so over the plain http of a local network the phone shows a hint instead.
  async function keepAwake() {
    if (!("wakeLock" in navigator)) {
      $("awake").textContent = "Tip: this browser cannot keep the screen on over plain http; " +
        "set the phone's auto-lock to a long time for the talk.";
      return;
    }
    try {
      lock = await navigator.wakeLock.request("screen");
      $("awake").textContent = "The screen is kept on.";
      lock.addEventListener("release", () => { $("awake").textContent = "The screen may lock."; });
    } catch (err) {
      $("awake").textContent = "The screen may lock (" + err.message + ").";
    }
  }
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && (lock === null || lock.released)) keepAwake();
  });
  keepAwake();
  Companion.connect();
})();
