// Benchboard's only script. It draws every [data-chart] element from the
// ECharts option JSON in its data-chart-options attribute (written by the
// charts package, escaped by html/template), and the charts a leaderboard
// page asks for with data-charts-src. Keeping all code in this one
// static file lets the site send Content-Security-Policy: script-src 'self'.
(function () {
  'use strict';

  var dark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  var drawn = [];

  function theme() {
    return dark && dark.matches ? 'dark' : null;
  }

  // ECharts puts the tooltip formatter's result into the page as HTML, and
  // method names and paper titles come from users: every piece of data
  // goes through here before it joins the markup.
  function escapeHTML(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // Same rule as charts.FormatCount: 306000000 → "306M".
  function formatCount(v) {
    var units = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
    var suffix = '';
    for (var i = 0; i < units.length; i++) {
      if (Math.abs(v) >= units[i][0]) {
        v = v / units[i][0];
        suffix = units[i][1];
        break;
      }
    }
    var a = Math.abs(v);
    var s = v.toFixed(a >= 100 ? 0 : a >= 10 ? 1 : 2);
    if (s.indexOf('.') >= 0) {
      s = s.replace(/0+$/, '').replace(/\.$/, '');
    }
    return s + suffix;
  }

  // Data items may carry method, paper, date, valueText, detail and url
  // (see charts.item); the tooltip shows those present, as text only.
  function tooltip(params) {
    if (Array.isArray(params)) {
      params = params[0];
    }
    if (!params) {
      return '';
    }
    var d = params.data && typeof params.data === 'object' ? params.data : {};
    var value = d.valueText;
    if (value == null) {
      value = Array.isArray(params.value) ? params.value[params.value.length - 1] : params.value;
    }
    var lines = ['<strong>' + escapeHTML(d.method || params.name || '') + '</strong>'];
    // No params.marker (ECharts' coloured dot): it is a style="" attribute,
    // which a Content-Security-Policy without 'unsafe-inline' styles refuses.
    lines.push(escapeHTML(params.seriesName || '') + ': ' + escapeHTML(value));
    if (d.paper) {
      lines.push('Paper: ' + escapeHTML(d.paper));
    }
    if (d.date) {
      lines.push('Date: ' + escapeHTML(d.date));
    }
    if (d.detail) {
      lines.push(escapeHTML(d.detail));
    }
    if (d.url) {
      lines.push('<em>Click to open the result</em>');
    }
    return lines.join('<br>');
  }

  function asList(x) {
    if (!x) {
      return [];
    }
    return Array.isArray(x) ? x : [x];
  }

  function countPoints(option) {
    var n = 0;
    asList(option.series).forEach(function (s) {
      n += asList(s.data).length;
    });
    return n;
  }

  // Only our own pages and http(s) links: never a javascript: URL.
  function follow(url) {
    var u;
    try {
      u = new URL(url, window.location.href);
    } catch (e) {
      return;
    }
    if (u.protocol === 'http:' || u.protocol === 'https:') {
      window.location.assign(u.href);
    }
  }

  function draw(el) {
    var option;
    try {
      option = JSON.parse(el.getAttribute('data-chart-options'));
    } catch (e) {
      el.dataset.chartError = 'options are not valid JSON';
      return;
    }
    if (!option || typeof option !== 'object') {
      el.dataset.chartError = 'options are not an object';
      return;
    }
    option.animation = false;
    // Let the page's own background show, in light and dark alike.
    option.backgroundColor = 'transparent';
    option.tooltip = option.tooltip && !Array.isArray(option.tooltip) ? option.tooltip : {};
    option.tooltip.formatter = tooltip;
    // Keep the tooltip inside the chart box, so it stays on a phone's screen.
    option.tooltip.confine = true;
    // A formatter is a function and cannot come in JSON: axes ask for one by name.
    asList(option.xAxis).concat(asList(option.yAxis)).forEach(function (axis) {
      if (axis.valueFormat === 'count') {
        axis.axisLabel = axis.axisLabel || {};
        axis.axisLabel.formatter = formatCount;
      }
    });
    var points = countPoints(option);

    var chart = echarts.init(el, theme(), { renderer: 'canvas' });
    // Browser tests wait for these: a canvas exists before anything is drawn.
    chart.on('finished', function () {
      el.dataset.chartReady = 'true';
      el.dataset.chartPoints = String(points);
    });
    chart.on('click', function (params) {
      if (params.data && params.data.url) {
        follow(params.data.url);
      }
    });
    chart.setOption(option);
    drawn.push(chart);
  }

  // Each drawn chart follows its box's own size: it changes with the
  // window, and also when the grid reflows around it.
  var observer = window.ResizeObserver
    ? new ResizeObserver(function (entries) {
        entries.forEach(function (entry) {
          var chart = echarts.getInstanceByDom(entry.target);
          if (chart) {
            chart.resize();
          }
        });
      })
    : null;

  function drawAll(els) {
    els.forEach(function (el) {
      draw(el);
      if (observer) {
        observer.observe(el);
      }
    });
  }

  function replaceWithText(el, text) {
    var p = document.createElement('p');
    p.className = 'chart-empty';
    p.textContent = text;
    el.replaceWith(p);
  }

  // A leaderboard page answered from the board's head leaves its charts to
  // a second request (data-charts-src): they plot every row.
  function fetchCharts(section) {
    var slots = section.querySelectorAll('[data-chart-lazy]');
    var failed = function (why) {
      slots.forEach(function (el) {
        el.dataset.chartError = why;
        el.textContent = 'The chart could not be loaded; reload the page to try again.';
      });
    };
    fetch(section.getAttribute('data-charts-src'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (resp) {
        if (!resp.ok) {
          throw new Error('status ' + resp.status);
        }
        return resp.json();
      })
      .then(function (doc) {
        var ready = [];
        (doc.charts || []).forEach(function (c) {
          // The caption and the note under the chart depend on the rows
          // plotted ("Top 8", how many have no date): they come with it.
          section.querySelectorAll('[data-chart-caption], [data-chart-note]').forEach(function (n) {
            if (n.getAttribute('data-chart-caption') === c.id && c.title) {
              n.textContent = c.title;
            }
            if (n.getAttribute('data-chart-note') === c.id && c.note) {
              n.textContent = c.note;
              n.hidden = false;
            }
          });
          var el = document.getElementById(c.id);
          if (!el || !el.hasAttribute('data-chart-lazy')) {
            return;
          }
          if (!c.ok) {
            replaceWithText(el, c.empty || '');
            return;
          }
          el.textContent = '';
          el.setAttribute('data-chart-options', JSON.stringify(c.options));
          ready.push(el);
        });
        drawAll(ready);
      })
      .catch(function (e) {
        failed('charts did not load: ' + e.message);
      });
  }

  function start() {
    var els = document.querySelectorAll('[data-chart]');
    var lazy = document.querySelectorAll('[data-charts-src]');
    if (els.length === 0 && lazy.length === 0) {
      return;
    }
    if (typeof window.echarts === 'undefined') {
      // The fallback text inside each element stays in place.
      document.querySelectorAll('[data-chart], [data-chart-lazy]').forEach(function (el) {
        el.dataset.chartError = 'echarts.min.js did not load';
      });
      return;
    }
    drawAll(Array.prototype.slice.call(els));
    lazy.forEach(fetchCharts);
    if (!observer) {
      window.addEventListener('resize', function () {
        drawn.forEach(function (c) {
          c.resize();
        });
      });
    }
    if (dark && dark.addEventListener) {
      dark.addEventListener('change', function () {
        drawn.forEach(function (c) {
          c.setTheme(theme() || 'default');
        });
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
