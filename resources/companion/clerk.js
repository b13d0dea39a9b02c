"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const FIELDS = ["question", "asked_by", "organisation", "slide", "status", "owner", "due"];
  let editing = 0;
  let slideChosen = false;   // once the clerk picks a slide, it stops following the screen
  let current = "";
  let waiting = false;
  let items = [];

  function say(text, bad) {
    $("message").textContent = text;
    $("message").className = "message" + (bad ? " bad" : "");
  }

  function clearForm() {
    editing = 0;
    slideChosen = false;
    for (const name of FIELDS) $(name).value = "";
    $("status").value = "open";
    $("slide").value = current;
    $("cancel").hidden = true;
    $("save").textContent = "Save question";
    render();
  }

  function render() {
    const list = $("list");
    list.replaceChildren();
    for (const q of items) {
      const li = document.createElement("li");
      li.className = q.id === editing ? "editing" : "";
      const text = document.createElement("div");
      text.className = "q";
      text.textContent = q.question;
      const meta = document.createElement("div");
      meta.className = "meta";
      const who = [q.asked_by, q.organisation].filter(Boolean).join(", ") || "asker not recorded";
      const follow = q.owner || q.due ? ` · follow-up: ${q.owner || "no owner"}, due ${q.due || "no date"}` : "";
      meta.textContent = `${who} · slide ${q.slide || "–"} · ${q.status}${follow}`;
      const edit = document.createElement("button");
      edit.type = "button";
      edit.textContent = "Edit";
      edit.addEventListener("click", () => startEdit(q));
      li.append(text, meta, edit);
      list.append(li);
    }
    $("count").textContent = String(items.length);
  }

  function startEdit(q) {
    editing = q.id;
    slideChosen = true;
    for (const name of FIELDS) $(name).value = (name === "slide" ? q.slide : q[name]) || "";
    $("cancel").hidden = false;
    $("save").textContent = "Save changes";
    say("Editing question " + q.id + ".");
    render();
    $("question").focus();
  }

  $("slide").addEventListener("change", () => { slideChosen = true; });
  $("owner").addEventListener("input", () => {
    if ($("owner").value.trim() && $("status").value === "open") $("status").value = "follow-up";
  });
  $("cancel").addEventListener("click", () => { clearForm(); say(""); });
  $("form").addEventListener("submit", (event) => {
    event.preventDefault();
    const question = { id: editing };
    for (const name of FIELDS) question[name] = $(name).value;
    if (!question.question.trim()) return say("Type the question first.", true);
    if (!Companion.send({ type: "save", question })) {
      return say("Not connected: not saved. Try again once the connection is back.", true);
    }
    waiting = true;
    say("Saving…");
  });

  Companion.on("slides", (m) => {
    const select = $("slide");
    const chosen = select.value;
    select.replaceChildren(new Option("(no slide)", ""));
    for (const s of m.slides) select.append(new Option(`${s.label}  ${s.title}`.trim(), s.label));
    select.value = slideChosen ? chosen : current;
  });
  Companion.on("state", (m) => {
    current = m.label || "";
    $("current").textContent = m.label ? `${m.label} ${m.title || ""}` : "–";
    if (!slideChosen && !editing) $("slide").value = current;
  });
  Companion.on("questions", (m) => { items = m.items; render(); });
  Companion.on("saved", (m) => {
    waiting = false;
    clearForm();
    say(`Saved (question ${m.question.id}); it is on the laptop now.`);
  });
  Companion.on("error", (m) => { waiting = false; say("Not saved: " + m.message, true); });
  Companion.on("refused", (m) => { waiting = false; say("Refused: " + m.message, true); });
  Companion.on("hello", () => {
    if (waiting) say("The connection was lost before the laptop confirmed. Check the list before saving again.", true);
    waiting = false;
  });
  Companion.connect();
})();
