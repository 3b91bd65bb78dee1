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
