// hprof-diff report: sortable tables and print preparation. Inlined into every HTML report; loads nothing.
// Maven filters this resource: never write a dollar sign followed by a brace, nor two at-signs on one line.
(function () {
  'use strict';

  // Sorting: every cell of a sortable table carries its real value in data-sort (bytes, not "1.5 MB").
  function key(row, column, numeric) {
    var cell = row.cells[column];
    var raw = cell ? cell.getAttribute('data-sort') || '' : '';
    if (!numeric) return raw.toLowerCase();
    var n = parseFloat(raw);
    return isNaN(n) ? -Infinity : n;
  }

  function sort(table, column, descending) {
    var body = table.tBodies[0];
    var numeric = table.tHead.rows[0].cells[column].classList.contains('num');
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, i) { row.setAttribute('data-order', row.getAttribute('data-order') || String(i)); });
    rows.sort(function (a, b) {
      var x = key(a, column, numeric), y = key(b, column, numeric);
      var c = x < y ? -1 : x > y ? 1 : 0;
      if (descending) c = -c;
      // Equal keys keep the report's own order (its ranking), whichever way the column is sorted.
      return c !== 0 ? c : Number(a.getAttribute('data-order')) - Number(b.getAttribute('data-order'));
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      if (i === column) th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      var button = document.createElement('button');
      button.type = 'button';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener('click', function () {
        var current = th.getAttribute('aria-sort');
        // Numbers start largest first (the growth that matters), names A to Z; a second click reverses.
        var descending = current ? current === 'ascending' : th.classList.contains('num');
        sort(table, column, descending);
      });
    });
  });

  // Printing: open every folded block so that paper shows what the screen hides; restore afterwards.
  var opened = [];
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details:not([open])'), function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
