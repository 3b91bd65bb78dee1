// Live rollout grid: the server sends the hosts whose phase changed (event "hosts") and the rollout's status.
document.addEventListener('DOMContentLoaded', function () {
  var grid = document.getElementById('grid');
  if (!grid || !window.EventSource) return;
  var live = document.getElementById('live');
  var source = new EventSource('/api/rollouts/' + encodeURIComponent(grid.dataset.rollout) + '/events');
  source.addEventListener('open', function () { live.textContent = 'live'; });
  source.addEventListener('error', function () { live.textContent = 'reconnecting…'; });
  source.addEventListener('hosts', function (e) {
    JSON.parse(e.data).forEach(function (h) {
      var el = document.getElementById('host-' + h.host);
      if (!el) return;
      el.className = 'host ' + h.phase;
      el.dataset.phase = h.phase;
      el.title = h.host + ': ' + h.phase + (h.message ? ' — ' + h.message : '');
    });
  });
  source.addEventListener('status', function (e) {
    document.getElementById('rollout-status').textContent = e.data;
  });
});

// A promotion's page: while it runs (on the server's worker), poll its state and steps until it ends.
document.addEventListener('DOMContentLoaded', function () {
  var table = document.getElementById('promotion');
  if (!table || table.dataset.complete === 'true' || !window.fetch) return;
  var url = '/api/promotions/' + encodeURIComponent(table.dataset.promotion);
  function poll() {
    fetch(url, {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(function (v) {
      var status = document.getElementById('promotion-status');
      status.textContent = v.promotion.status;
      status.className = v.promotion.status;
      document.getElementById('promotion-message').textContent = v.promotion.message;
      document.getElementById('promotion-updated').textContent = v.promotion.updatedAt;
      document.getElementById('progress').textContent = v.progress.map(function (l) { return l + '\n'; }).join('');
      if (v.complete) {
        table.dataset.complete = 'true';
        document.getElementById('promotion-live').textContent = '';
      } else {
        setTimeout(poll, 1000);
      }
    }).catch(function () {
      document.getElementById('promotion-live').textContent = 'reconnecting…';
      setTimeout(poll, 3000);
    });
  }
  setTimeout(poll, 500);
});
