/* ktcn site: filters on lists, the search page, and printing with every detail open.
   Our own small script: no library, nothing fetched; it works from file:// and offline.
   Every page reads without it; only the search page needs it. */
(function () {
  "use strict";

  /* Text as the search compares it: no marks, đ as d, case ignored ("Chuyển đổi số" -> "chuyen doi so").
     ktcn.outputs.site.search_index.fold does the same in Python. */
  function fold(text) {
    return String(text).replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  window.KTCN = { fold: fold };  // for anyone checking the folding against ktcn's own (the tests do)

  function terms(query) {
    return fold(query).split(/\s+/).filter(Boolean);
  }

  /* Every term is found in the text; a term typed the Telex way ("dd" for "đ") is found as well. */
  function matches(haystack, words) {
    for (var i = 0; i < words.length; i++) {
      var word = words[i];
      if (haystack.indexOf(word) !== -1) continue;
      var telex = word.replace(/dd/g, "d");
      if (telex === word || haystack.indexOf(telex) === -1) return false;
    }
    return true;
  }

  function has(list, value) {
    return !value || (" " + list + " ").indexOf(" " + value + " ") !== -1;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) { return String(values[name]); });
  }

  /* --- filters on a list ------------------------------------------------------------------ */

  function setUpFilters(form) {
    var name = form.getAttribute("data-filters");
    var list = document.querySelector('[data-filtered="' + name + '"]');
    if (!list) return;
    var rows = Array.prototype.slice.call(list.querySelectorAll("tbody > tr, article.task"));
    var texts = rows.map(function (row) { return fold(row.textContent); });
    var groups = Array.prototype.slice.call(list.querySelectorAll(".group"));
    var count = form.querySelector(".count");
    var field = function (key) {
      var input = form.querySelector('[data-filter="' + key + '"]');
      return input ? input.value : "";
    };

    function apply() {
      var words = terms(field("text"));
      var agency = field("agency"), category = field("category"), year = field("year");
      var shown = 0;
      rows.forEach(function (row, i) {
        var ok = matches(texts[i], words) && has(row.getAttribute("data-agency"), agency) &&
          has(row.getAttribute("data-cat"), category) && has(row.getAttribute("data-year"), year);
        row.hidden = !ok;
        if (ok) shown++;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("article.task:not([hidden])");
      });
      if (count) {
        count.textContent = fill(count.getAttribute("data-count-template"), { shown: shown, total: rows.length });
      }
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  }

  /* --- the search page --------------------------------------------------------------------- */

  var LIMIT = 200;

  function setUpSearch(box) {
    var form = document.getElementById("search-form");
    var input = document.getElementById("q");
    var agencySelect = document.getElementById("s-agency");
    var categorySelect = document.getElementById("s-category");
    var yearSelect = document.getElementById("s-year");
    var list = document.getElementById("search-list");
    var count = document.getElementById("search-count");
    var root = box.getAttribute("data-root") || "";
    var entries = (window.KTCN_SEARCH || []).map(function (e) {
      return { kind: e[0], href: e[1], title: e[2], detail: e[3], agencies: e[4], cats: e[5], years: e[6],
               hay: fold(e[2] + " " + e[3] + " " + e[7]), title_hay: fold(e[2]) };
    });

    entries.filter(function (e) { return e.kind === "a"; })
      .sort(function (a, b) { return a.title_hay < b.title_hay ? -1 : a.title_hay > b.title_hay ? 1 : 0; })
      .forEach(function (e) {
        var option = document.createElement("option");
        option.value = e.agencies;
        option.textContent = e.title;
        agencySelect.appendChild(option);
      });

    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    agencySelect.value = params.get("agency") || "";
    categorySelect.value = params.get("cat") || "";
    yearSelect.value = params.get("year") || "";

    function rank(entry, phrase, words) {
      if (entry.title_hay.indexOf(phrase) === 0) return 0;
      if (entry.title_hay.indexOf(phrase) !== -1) return 1;
      return matches(entry.title_hay, words) ? 2 : 3;
    }

    function run() {
      var words = terms(input.value);
      var agency = agencySelect.value, category = categorySelect.value, year = yearSelect.value;
      list.textContent = "";
      if (!words.length && !agency && !category && !year) {
        count.textContent = "";
        return;
      }
      var phrase = words.join(" ");
      var found = [];
      entries.forEach(function (entry, order) {
        if (!matches(entry.hay, words)) return;
        if (!has(entry.agencies, agency) || !has(entry.cats, category) || !has(entry.years, year)) return;
        found.push({ entry: entry, score: rank(entry, phrase, words), order: order });
      });
      found.sort(function (a, b) { return a.score - b.score || a.order - b.order; });
      if (!found.length) {
        count.textContent = box.getAttribute("data-none");
        return;
      }
      var text = fill(box.getAttribute("data-count-template"), { n: found.length });
      if (found.length > LIMIT) text += " " + fill(box.getAttribute("data-more-template"), { shown: LIMIT });
      count.textContent = text;
      found.slice(0, LIMIT).forEach(function (hit) {
        var item = document.createElement("li");
        var kind = document.createElement("span");
        kind.className = "kind kind-" + hit.entry.kind;
        kind.textContent = box.getAttribute("data-kind-" + hit.entry.kind);
        var link = document.createElement("a");
        link.href = root + hit.entry.href;
        link.textContent = hit.entry.title;
        item.appendChild(kind);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(link);
        if (hit.entry.detail) {
          var detail = document.createElement("span");
          detail.className = "muted detail";
          detail.textContent = hit.entry.detail;
          item.appendChild(detail);
        }
        list.appendChild(item);
      });
    }

    var timer = null;
    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, 120);
    }
    input.addEventListener("input", later);
    [agencySelect, categorySelect, yearSelect].forEach(function (select) {
      select.addEventListener("change", run);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    run();
  }

  /* --- printing: every folded part open, then as it was ------------------------------------ */

  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.slice.call(document.querySelectorAll("details:not([open])"));
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-filters]"), setUpFilters);
    /* On a phone the filters would fill the first screen: they start folded there. */
    if (window.matchMedia && window.matchMedia("(max-width: 760px)").matches) {
      Array.prototype.forEach.call(document.querySelectorAll("details.filter-box"), function (d) { d.open = false; });
    }
    var box = document.getElementById("search-results");
    if (box) setUpSearch(box);
  });
})();
