// Sends the CSRF token with every htmx request; no inline scripts anywhere (strict CSP).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { event.detail.headers[header.content] = token.content; }
});

// The differential diagnosis panel: "Copy into opinion" fills the first empty diagnosis row of the written opinion and
// lets the form's autosave store it.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy-diagnosis]');
  if (!button) { return; }
  var status = document.getElementById('differential-copy-status');
  var say = function (text) { if (status) { status.textContent = text; } };
  var form = document.querySelector('#opinion form');
  if (!form) { say('Open your written opinion to copy a diagnosis into it.'); return; }
  var texts = form.querySelectorAll('input[id^="dx-text-"]');
  // the same disease under any of its identifiers on this row (OMIM and Orphanet), e.g. "ORPHA:558 OMIM:154700"
  var same = (button.dataset.same || (button.dataset.system + ':' + button.dataset.code)).split(' ');
  for (var i = 0; i < texts.length; i++) {
    var code = form.querySelector('#dx-code-' + i);
    var system = form.querySelector('#dx-system-' + i);
    if (code && system && same.indexOf(system.value + ':' + code.value.trim().replace(/^(OMIM|ORPHA):/i, '')) >= 0) {
      say(button.dataset.text + ' is already diagnosis ' + (i + 1) + ' of your opinion.');
      return;
    }
  }
  for (var j = 0; j < texts.length; j++) {
    if (texts[j].value.trim() === '') {
      texts[j].value = button.dataset.text;
      form.querySelector('#dx-system-' + j).value = button.dataset.system;
      form.querySelector('#dx-code-' + j).value = button.dataset.code;
      texts[j].dispatchEvent(new Event('change', { bubbles: true }));
      say('Copied ' + button.dataset.text + ' into diagnosis ' + (j + 1) + ' of your opinion; saving the draft.');
      return;
    }
  }
  say('Every diagnosis row of your opinion is filled; clear one to copy another diagnosis into it.');
});

// Small screens: each table cell is labelled with its column header (data-label), which the style sheet shows above
// the cell once the rows are stacked. Runs on the page and on every piece of it htmx swaps in.
function labelTableCells() {
  document.querySelectorAll('table').forEach(function (table) {
    var head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    if (!head) { return; }
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        var column = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          var header = head.cells[column];
          column += cell.colSpan || 1;
          if (header && !cell.hasAttribute('data-label') && header.textContent.trim() !== '') {
            cell.setAttribute('data-label', header.textContent.trim().replace(/\s+/g, ' '));
          }
        });
      });
    });
  });
}

// Paper: the patient's name and birth date from the patient header, for the top margin of every printed page.
function namePatientForPrint() {
  var header = document.querySelector('#patient-header p');
  if (header) {
    document.documentElement.style.setProperty('--print-patient', JSON.stringify(header.textContent.trim().replace(/\s+/g, ' ')));
  }
}


/*
 * The diagnosis combobox of the request form (WAI-ARIA 1.2 combobox with a listbox popup): typing asks the server for
 * names (/diagnoses/search, a fragment of options); Arrow keys move through them, Enter chooses, Escape closes.
 * Choosing fills the code system and code; typing other words afterwards clears them. Without this script the field
 * is plain text and the code fields stay as they are.
 */
function diagnosisCombobox(picker) {
  var input = picker.querySelector('#firstDiagnosisText');
  var list = picker.querySelector('#diagnosis-options');
  var system = picker.querySelector('#firstDiagnosisSystem');
  var code = picker.querySelector('#firstDiagnosisCode');
  if (!input || !list || input.getAttribute('role') === 'combobox') { return; }
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  var chosenLabel = code && code.value ? input.value : null;
  var timer = null, active = -1, asked = 0;
  var options = function () { return Array.prototype.slice.call(list.querySelectorAll('[role="option"]:not([aria-disabled="true"])')); };
  var close = function () {
    list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1;
  };
  var mark = function (i) {
    var all = options();
    all.forEach(function (o, n) { o.setAttribute('aria-selected', n === i ? 'true' : 'false'); });
    active = i;
    if (i >= 0 && all[i]) { input.setAttribute('aria-activedescendant', all[i].id); all[i].scrollIntoView({ block: 'nearest' }); }
    else { input.removeAttribute('aria-activedescendant'); }
  };
  var choose = function (option) {
    input.value = option.getAttribute('data-label');
    if (system) { system.value = option.getAttribute('data-system'); }
    if (code) { code.value = option.getAttribute('data-code'); }
    chosenLabel = input.value;
    close();
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };
  var ask = function () {
    var q = input.value.trim();
    if (q.length < 2) { close(); return; }
    var mine = ++asked;
    fetch(picker.getAttribute('data-search-url') + '?q=' + encodeURIComponent(q), { headers: { 'X-Requested-With': 'fetch' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : ''; })
      .then(function (html) {
        if (mine !== asked) { return; }
        list.innerHTML = html;
        list.hidden = false; input.setAttribute('aria-expanded', 'true'); mark(-1);
      })
      .catch(close);
  };
  input.addEventListener('input', function () {
    if (chosenLabel !== null && input.value !== chosenLabel) {
      chosenLabel = null;
      if (system) { system.value = ''; }
      if (code) { code.value = ''; }
    }
    clearTimeout(timer); timer = setTimeout(ask, 250);
  });
  input.addEventListener('keydown', function (e) {
    var all = options();
    if (e.key === 'ArrowDown' && !list.hidden && all.length) { e.preventDefault(); mark((active + 1) % all.length); }
    else if (e.key === 'ArrowUp' && !list.hidden && all.length) { e.preventDefault(); mark(active <= 0 ? all.length - 1 : active - 1); }
    else if (e.key === 'Enter' && !list.hidden && active >= 0) { e.preventDefault(); choose(all[active]); }
    else if (e.key === 'Escape' && !list.hidden) { e.preventDefault(); close(); }
  });
  input.addEventListener('blur', function () { setTimeout(close, 200); });
  list.addEventListener('mousedown', function (e) { e.preventDefault(); });
  list.addEventListener('click', function (e) {
    var option = e.target.closest('[role="option"]');
    if (option && option.getAttribute('aria-disabled') !== 'true') { choose(option); }
  });
}
document.addEventListener('DOMContentLoaded', function () { document.querySelectorAll('.diagnosis-picker').forEach(diagnosisCombobox); });

// The clinical summary (records/summary.html): the filter form works without script (a GET); with it, rows are filtered
// and ordered in place as the reader types, "Show all" unfolds a list in place, a section link opens its section, and
// date-times are shown in the reader's own time zone.
function summaryFilter(form) {
  var summary = form.closest('.clinical-summary');
  var text = form.querySelector('[name=q]').value.trim().toLowerCase();
  var from = form.querySelector('[name=from]').value;
  var to = form.querySelector('[name=to]').value;
  var filtering = text !== '' || from !== '' || to !== '';
  var shown = 0;
  var total = 0;
  summary.querySelectorAll('tr[data-text]').forEach(function (row) {
    var day = row.getAttribute('data-day') || '';
    var keep = row.getAttribute('data-text').indexOf(text) >= 0 && (!from || (day && day >= from)) && (!to || (day && day <= to));
    total++;
    if (keep) { shown++; row.removeAttribute('data-filtered'); } else { row.setAttribute('data-filtered', ''); }
    if (filtering && row.classList.contains('beyond')) { row.hidden = false; }
  });
  summary.querySelectorAll('details[data-group]').forEach(function (group) {
    if (group.querySelector('tr[data-text]:not([data-filtered])')) { group.removeAttribute('data-filtered'); } else { group.setAttribute('data-filtered', ''); }
  });
  var count = summary.querySelector('#summary-count');
  if (count) { count.textContent = 'Showing ' + shown + ' of ' + total + ' entries.'; }
}

function summaryOrder(form) {
  var summary = form.closest('.clinical-summary');
  var byName = form.querySelector('[name=sort]').value === 'name';
  var compare = function (a, b) {
    if (byName) { return (a.getAttribute('data-name') || '').localeCompare(b.getAttribute('data-name') || ''); }
    return Number(b.getAttribute('data-time') || -1e15) - Number(a.getAttribute('data-time') || -1e15);
  };
  summary.querySelectorAll('details:not(.measure) > table > tbody, section > table > tbody').forEach(function (body) {
    Array.prototype.slice.call(body.rows).sort(compare).forEach(function (row) { body.appendChild(row); });
  });
  summary.querySelectorAll('details.card').forEach(function (section) {
    var groups = Array.prototype.slice.call(section.querySelectorAll(':scope > details[data-group]'));
    groups.sort(function (a, b) {
      var ra = a.querySelector('tr[data-text]');
      var rb = b.querySelector('tr[data-text]');
      return compare(ra, rb);
    }).forEach(function (group) { section.appendChild(group); });
  });
}

document.addEventListener('input', function (event) {
  var form = event.target.closest('[data-summary-filter]');
  if (form && event.target.name !== 'sort') { summaryFilter(form); }
});
document.addEventListener('change', function (event) {
  var form = event.target.closest('[data-summary-filter]');
  if (form && event.target.name === 'sort') { summaryOrder(form); }
});
document.addEventListener('click', function (event) {
  var all = event.target.closest('[data-show-all]');
  if (all) {
    event.preventDefault();
    var table = all.closest('table');
    table.querySelectorAll('tr.beyond').forEach(function (row) { row.hidden = false; });
    table.tFoot.remove();
    return;
  }
  var link = event.target.closest('.summary-nav a[href^="#"]');
  if (link) {
    var target = document.getElementById(link.getAttribute('href').substring(1));
    if (target && target.tagName === 'DETAILS') { target.open = true; }
  }
});
window.addEventListener('beforeprint', function () {
  document.querySelectorAll('.clinical-summary details').forEach(function (d) { d.open = true; });
});

function localTimes() {
  if (!window.Intl) { return; }
  var format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  document.querySelectorAll('.clinical-summary time[datetime], #entry-facts time[datetime]').forEach(function (time) {
    var iso = time.getAttribute('datetime');
    if (iso.length > 10 && !time.hasAttribute('data-local')) {
      var moment = new Date(iso);
      if (!isNaN(moment.getTime())) { time.textContent = format.format(moment); time.setAttribute('data-local', ''); }
    }
  });
}

document.addEventListener('DOMContentLoaded', function () { labelTableCells(); namePatientForPrint(); localTimes(); });
document.addEventListener('htmx:load', function () { labelTableCells(); localTimes(); });
