// Charts of the dashboard page; the figures come from the page itself (#chart-data).
(function () {
  "use strict";
  var node = document.getElementById("chart-data");
  if (!node || typeof Chart === "undefined") { return; }
  var data = JSON.parse(node.textContent);
  var quiet = { animation: false, responsive: true, plugins: { legend: { display: true } } };
  new Chart(document.getElementById("chart-types"), {
    type: "bar", options: quiet,
    data: { labels: data.types.labels, datasets: [{ label: "受理（件）", data: data.types.accepted, backgroundColor: "#4f7cac" }] }
  });
  new Chart(document.getElementById("chart-months"), {
    type: "line", options: quiet,
    data: { labels: data.months.labels, datasets: [
      { label: "受理（件）", data: data.months.accepted, borderColor: "#4f7cac" },
      { label: "调解成功（件）", data: data.months.succeeded, borderColor: "#2e9b5f" }] }
  });
  new Chart(document.getElementById("chart-rate"), {
    type: "bar", options: Object.assign({}, quiet, { scales: { y: { min: 0, max: 100 } } }),
    data: { labels: data.studios.labels, datasets: [{ label: "成功率（%）", data: data.studios.rate, backgroundColor: "#2e9b5f" }] }
  });
  document.body.setAttribute("data-charts", "drawn");
}());
