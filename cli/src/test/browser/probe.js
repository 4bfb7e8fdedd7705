// Browser check probe. check-html.sh inserts this script at the top of a copy of an HTML report, so it
// runs before the page's own script. It records every script error, and once the page's script has run
// (DOMContentLoaded) it checks what a reader would see, then writes the outcome onto <body> for
// chromium --dump-dom: data-probe="ok" or "failed", data-probe-errors, and counts.
(function () {
  'use strict';
  var errors = [];
  window.addEventListener('error', function (e) {
    errors.push('error: ' + (e.message || (e.target && e.target.outerHTML) || e.type) + (e.lineno ? ' (line ' + e.lineno + ')' : ''));
  }, true);
  window.addEventListener('unhandledrejection', function (e) { errors.push('unhandled rejection: ' + e.reason); });
  document.addEventListener('securitypolicyviolation', function (e) {
    errors.push('blocked by the page policy: ' + e.violatedDirective + ' ' + e.blockedURI);
  });
  var consoleError = console.error;
  console.error = function () {
    errors.push('console.error: ' + Array.prototype.join.call(arguments, ' '));
    return consoleError.apply(console, arguments);
  };

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function center(el) { var b = el.getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2, w: b.width, h: b.height }; }

  // Every chart: one drawn point per value of data-values, in order, inside the chart, higher values higher.
  function charts() {
    var points = 0;
    var list = all(document, 'svg.chart');
    list.forEach(function (svg) {
      var id = svg.id || '(no id)';
      var values = (svg.getAttribute('data-values') || '').split(',');
      var circles = all(svg, 'circle.point');
      var box = svg.getBoundingClientRect();
      if (box.width < 50 || box.height < 50) errors.push(id + ': chart not laid out (' + box.width + 'x' + box.height + ')');
      if (circles.length !== values.length || String(circles.length) !== svg.getAttribute('data-points')) {
        errors.push(id + ': ' + circles.length + ' points for ' + values.length + ' values');
      }
      var line = svg.querySelector('polyline.line');
      if (!line || line.points.numberOfItems !== values.length) errors.push(id + ': line does not join every point');
      var drawn = [];
      circles.forEach(function (c, i) {
        if (c.getAttribute('data-value') !== values[i]) errors.push(id + ': point ' + (i + 1) + ' holds ' + c.getAttribute('data-value') + ', expected ' + values[i]);
        if (!c.querySelector('title') || !c.querySelector('title').textContent) errors.push(id + ': point ' + (i + 1) + ' has no tooltip');
        var p = center(c);
        if (!(p.w > 0 && p.h > 0) || p.x < box.left - 1 || p.x > box.right + 1 || p.y < box.top - 1 || p.y > box.bottom + 1) {
          errors.push(id + ': point ' + (i + 1) + ' not drawn inside the chart');
        } else {
          drawn.push(p);
          points++;
        }
      });
      for (var i = 1; i < drawn.length; i++) {
        var dv = Number(values[i]) - Number(values[i - 1]);
        var dy = drawn[i].y - drawn[i - 1].y;
        if (!(drawn[i].x > drawn[i - 1].x)) errors.push(id + ': point ' + (i + 1) + ' is not right of point ' + i);
        if ((dv > 0 && !(dy < 0)) || (dv < 0 && !(dy > 0)) || (dv === 0 && Math.abs(dy) > 0.5)) {
          errors.push(id + ': point ' + (i + 1) + ' is drawn at the wrong height');
        }
      }
    });
    document.body.setAttribute('data-charts', String(list.length));
    document.body.setAttribute('data-points', String(points));
  }

  // Every sortable column: a click sorts by data-sort (numbers as numbers), a second click reverses.
  // Only the table's own header row and rows: cells hold folded tables of their own.
  function sorting() {
    var columns = 0;
    all(document, 'table.sortable').forEach(function (table, t) {
      var rows = table.tBodies[0].rows.length;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
        var button = th.querySelector('button');
        if (!button) { errors.push('table ' + (t + 1) + ' column ' + (column + 1) + ': no sort button'); return; }
        var numeric = th.classList.contains('num');
        [0, 1].forEach(function () {
          button.click();
          var dir = th.getAttribute('aria-sort');
          if (dir !== 'ascending' && dir !== 'descending') { errors.push('table ' + (t + 1) + ' column ' + (column + 1) + ': aria-sort is ' + dir); return; }
          var keys = Array.prototype.map.call(table.tBodies[0].rows, function (r) {
            var k = r.cells[column].getAttribute('data-sort') || '';
            return numeric ? (k === '' ? -Infinity : parseFloat(k)) : k.toLowerCase();
          });
          if (keys.length !== rows) errors.push('table ' + (t + 1) + ': rows lost while sorting');
          for (var i = 1; i < keys.length; i++) {
            if (dir === 'ascending' ? keys[i - 1] > keys[i] : keys[i - 1] < keys[i]) {
              errors.push('table ' + (t + 1) + ' column ' + (column + 1) + ': not ' + dir + ' at row ' + (i + 1));
              break;
            }
          }
        });
        columns++;
      });
    });
    document.body.setAttribute('data-sorted-columns', String(columns));
  }

  // Printing opens every folded block and closing the print dialog folds them again.
  function printing() {
    var folded = all(document, 'details:not([open])').length;
    window.dispatchEvent(new Event('beforeprint'));
    var stillFolded = all(document, 'details:not([open])').length;
    window.dispatchEvent(new Event('afterprint'));
    if (stillFolded !== 0) errors.push(stillFolded + ' blocks stay folded when printing');
    if (all(document, 'details:not([open])').length !== folded) errors.push('folded blocks not restored after printing');
    document.body.setAttribute('data-details', String(all(document, 'details').length));
  }

  function network() {
    var fetched = performance.getEntriesByType('resource').map(function (r) { return r.name; });
    if (fetched.length) errors.push('the page fetched: ' + fetched.join(' '));
    document.body.setAttribute('data-resources', String(fetched.length));
  }

  document.addEventListener('DOMContentLoaded', function () {
    [charts, sorting, printing, network].forEach(function (check) {
      try { check(); } catch (e) { errors.push('probe ' + check.name + ' failed: ' + e); }
    });
    document.body.setAttribute('data-probe', errors.length ? 'failed' : 'ok');
    document.body.setAttribute('data-probe-errors', errors.join(' | '));
  });
})();
