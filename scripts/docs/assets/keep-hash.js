for (const a of document.querySelectorAll("a[data-keep-hash]")) a.addEventListener("click", () => { a.href = a.href.split("#")[0] + location.hash; });
