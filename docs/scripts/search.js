// The search box in the header (overrides/partials/search.html), answered by the Pagefind index of the built site
// (generator/search.py). Pagefind fetches only the parts of the index a query needs, so the first answer comes as
// fast on a site of 10,000 articles as on one of 100. The index is loaded when the reader first goes to the box.
(() => {
  const box = document.querySelector(".fs-search");
  if (!box) return;
  const input = box.querySelector(".fs-search__input");
  const output = box.querySelector(".fs-search__output");
  const meta = box.querySelector(".fs-search__meta");
  const list = box.querySelector(".fs-search__list");
  const MAX_RESULTS = 10;
  let pagefind = null;
  // Each query typed gets a number: answers to a query the reader has since typed over are dropped.
  let latest = 0;

  function loadIndex() {
    if (!pagefind) {
      pagefind = import(new URL(box.dataset.fsSearchIndex, document.baseURI).href).then(async (module) => {
        await module.options({ baseUrl: new URL(box.dataset.fsSearchRoot, document.baseURI).pathname, excerptLength: 24 });
        module.init();
        return module;
      });
      // A site built without its index (a live preview): say so, rather than nothing.
      pagefind.catch(() => show("Search works on the built site: its index is made by `python -m generator index site`."));
    }
    return pagefind;
  }

  function show(message) {
    meta.textContent = message;
    output.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    output.hidden = true;
    input.setAttribute("aria-expanded", "false");
  }

  // Pagefind's excerpts are HTML with <mark> around the words found. Parsed into an inert document and copied as
  // text and marks only, so no markup from an article can come alive here.
  function excerpt(html) {
    const paragraph = document.createElement("p");
    paragraph.className = "fs-search__excerpt";
    const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
    for (const node of parsed.body.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.append(mark);
      } else {
        paragraph.append(node.textContent);
      }
    }
    return paragraph;
  }

  // The part of the page that matched most: a section such as "Quotes › Anna Berg", or the page itself.
  function bestPart(data) {
    const parts = data.sub_results && data.sub_results.length ? data.sub_results : [data];
    return parts.reduce((best, part) => ((part.locations || []).length > (best.locations || []).length ? part : best));
  }

  function item(data) {
    const part = bestPart(data);
    // A match under the page's own title leads to the top of the page, not to its heading.
    const whole = !part.title || part.title === data.meta.title;
    const link = document.createElement("a");
    link.className = "fs-search__link";
    link.href = whole ? data.url : part.url;
    const kind = document.createElement("span");
    kind.className = "fs-search__kind";
    kind.textContent = data.meta.kind || "Page";
    const title = document.createElement("span");
    title.className = "fs-search__title";
    title.textContent = data.meta.title;
    link.append(kind, title);
    if (!whole) {
      const section = document.createElement("span");
      section.className = "fs-search__section";
      section.textContent = part.title;
      link.append(section);
    }
    link.append(excerpt(part.excerpt));
    const entry = document.createElement("li");
    entry.className = "fs-search__item";
    entry.append(link);
    return entry;
  }

  async function search(query) {
    const number = ++latest;
    if (!query.trim()) {
      list.replaceChildren();
      close();
      return;
    }
    const index = await loadIndex();
    const found = await index.search(query);
    if (number !== latest || !found) return;
    const results = found.results.slice(0, MAX_RESULTS);
    if (!results.length) {
      list.replaceChildren();
      show(`No results for “${query}”`);
      return;
    }
    // The first result is shown as soon as it is in, the others as they follow, in their order.
    list.replaceChildren();
    show(`${found.results.length} result${found.results.length === 1 ? "" : "s"}`);
    for (const pending of results.map((result) => result.data())) {
      const data = await pending;
      if (number !== latest) return;
      list.append(item(data));
    }
  }

  function editable(element) {
    return element instanceof HTMLElement && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  function focusBox() {
    input.focus();
    input.select();
    loadIndex();
  }

  document.addEventListener("keydown", (event) => {
    const key = event.key.toLowerCase();
    if ((event.ctrlKey || event.metaKey) && key === "k") {
      event.preventDefault();
      focusBox();
    } else if (event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !editable(event.target)) {
      event.preventDefault();
      focusBox();
    }
  });

  input.addEventListener("focus", () => {
    loadIndex();
    if (list.children.length || meta.textContent) {
      output.hidden = false;
    }
  });
  input.addEventListener("input", () => search(input.value));

  // Keys in the box and the list: Enter opens the first result, arrows move through them, Escape closes.
  box.addEventListener("keydown", (event) => {
    const links = [...list.querySelectorAll(".fs-search__link")];
    const at = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      close();
      input.blur();
    } else if (event.key === "Enter" && event.target === input && links.length) {
      event.preventDefault();
      links[0].click();
    } else if (event.key === "ArrowDown" && links.length) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : links[at - 1]).focus();
    }
  });

  document.addEventListener("click", (event) => {
    if (!box.contains(event.target)) close();
  });
})();
