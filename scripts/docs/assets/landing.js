(() => {
  const rows = [...document.querySelectorAll("#catalog tbody tr")];
  const [q, family, status, retry] = ["q", "family", "status", "retry"].map((id) => document.getElementById(id));
  const norm = (text) => text.toLowerCase().replace(/[\s_\-]+/g, " ").trim();
  const index = rows.map((row) => norm(row.id + " " + row.textContent));
  const apply = () => {
    const words = norm(q.value).split(" ").filter(Boolean);
    let shown = 0;
    rows.forEach((row, i) => {
      const match = (!family.value || row.dataset.family === family.value) && (!status.value || row.dataset.status === status.value) &&
        (!retry.value || row.dataset.retryable === retry.value) && words.every((word) => index[i].includes(word));
      row.hidden = !match;
      if (match) shown++;
    });
    document.getElementById("shown").textContent = String(shown);
    document.getElementById("empty").hidden = shown > 0;
  };
  const clear = () => { q.value = ""; family.value = ""; status.value = ""; retry.value = ""; };
  // The table's header sticks below the bar and the controls, however tall they wrap.
  const controls = document.querySelector(".controls");
  const sticky = () => (getComputedStyle(controls).position === "sticky" ? controls.offsetHeight : 0);
  const place = () => document.documentElement.style.setProperty("--thead-top", document.querySelector(".bar").offsetHeight + sticky() + "px");
  place();
  window.addEventListener("resize", place);
  const fromHash = () => {
    const target = decodeURIComponent(location.hash.slice(1));
    const cell = /^codes-(.+)-(\d{3})$/.exec(target);
    if (cell) {
      clear(); family.value = cell[1]; status.value = cell[2]; apply();
      document.getElementById("catalog-section").scrollIntoView();
      // The keyboard goes on from the codes listed, not from the matrix.
      document.getElementById("catalog").focus({ preventScroll: true });
      return;
    }
    const row = target ? document.getElementById(target) : null;
    if (row && row.tagName === "TR" && row.hidden) { clear(); apply(); row.scrollIntoView({ block: "center" }); }
  };
  for (const control of [q, family, status, retry]) control.addEventListener("input", apply);
  document.getElementById("clear").addEventListener("click", () => { clear(); apply(); q.focus(); });
  // Escape in the search field or a filter clears them all; "/" anywhere else goes to the search field.
  controls.addEventListener("keydown", (event) => { if (event.key === "Escape") { clear(); apply(); } });
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest?.("input, select, textarea, [contenteditable]");
    if (event.key !== "/" || typing || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    q.focus();
    q.select();
  });
  for (const a of document.querySelectorAll("a[data-keep-hash]")) a.addEventListener("click", () => { a.href = a.href.split("#")[0] + location.hash; });
  window.addEventListener("hashchange", fromHash);
  apply();
  fromHash();
})();
