/**
 * The dashboard's static files: its stylesheet, its chart script and Chart.js itself (the same library that draws
 * the Slack summary's image, so there is one chart code), read once and served gzipped when the browser accepts it.
 * Colours pass WCAG AA on white; tables scroll inside their frame so a phone never scrolls the page sideways; the
 * print stylesheet fits the overview on one A4 page.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

export interface Asset {
  type: string;
  body: Buffer;
  gzipped: Buffer;
}

const CSS = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
body{margin:0;line-height:1.45}
.top{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;padding:.5rem 1rem;background:#0b3d6e;color:#fff}
.top a{color:#fff;margin-right:1rem}
.top form{display:flex;gap:.5rem;align-items:center;font-size:.9rem}
button{font:inherit;padding:.35rem .8rem;border:1px solid #0b3d6e;background:#fff;color:#0b3d6e;border-radius:4px}
main{padding:0 1rem 2rem;max-width:72rem;margin:0 auto}
h1{font-size:1.35rem}
a{color:#0b5394}
.table-wrap{overflow-x:auto;max-width:100%;margin:1rem 0}
table{border-collapse:collapse;min-width:100%;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
.legend{font-size:.85rem;color:#444}
th,td{border-bottom:1px solid #d0d7de;padding:.4rem .5rem;text-align:right;white-space:nowrap}
th[scope=row],td:nth-child(3),.tasks td,.tasks th{text-align:left}
thead th{background:#f0f3f6}
.tasks td:nth-child(3){white-space:normal;min-width:12rem}
.depth-1{padding-left:1.5rem}.depth-2{padding-left:2.5rem}.depth-3{padding-left:3.5rem}.depth-4{padding-left:4.5rem}
.bad{color:#a40000;font-weight:600}
small{color:#444}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}
.chart{margin:0}.chart-box{position:relative;height:16rem}
.filter{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
select{font:inherit;padding:.3rem;max-width:100%}
dl.task{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}
dt{font-weight:600}dd{margin:0}
@media print{@page{size:A4;margin:12mm}.top,.downloads,.filter,.signout{display:none}
main{max-width:none;padding:0}.charts{grid-template-columns:repeat(3,1fr)}.chart-box{height:9rem}
body{font-size:10pt}th,td{padding:.15rem .3rem}}
`;

const CHARTS = `
(function(){
  var el=document.getElementById("chart-data"); if(!el||!window.Chart) return;
  var d=JSON.parse(el.textContent);
  var colours=["#0b5394","#a40000","#1b7f3b"];
  var opts={responsive:true,maintainAspectRatio:false,animation:false,scales:{y:{beginAtZero:true,ticks:{precision:0}}}};
  function draw(id,config){var c=document.getElementById(id); if(c){window.dashboardCharts=window.dashboardCharts||{}; window.dashboardCharts[id]=new Chart(c,config);}}
  draw("chart-units",{type:"bar",data:{labels:d.units.labels,datasets:d.units.series.map(function(s,i){return {label:s.label,data:s.data,backgroundColor:colours[i]};})},options:opts});
  draw("chart-trend",{type:"line",data:{labels:d.trend.labels,datasets:[
    {label:d.trend.onTimeLabel,data:d.trend.onTime,borderColor:colours[2],backgroundColor:colours[2],yAxisID:"y",spanGaps:true},
    {label:d.trend.overdueLabel,data:d.trend.overdue,borderColor:colours[1],backgroundColor:colours[1],yAxisID:"y1"}]},
    options:Object.assign({},opts,{scales:{y:{min:0,max:100,position:"left"},y1:{min:0,position:"right",ticks:{precision:0},grid:{drawOnChartArea:false}}}})});
  draw("chart-ageing",{type:"bar",data:{labels:d.ageing.labels,datasets:[{label:d.ageing.label,data:d.ageing.data,backgroundColor:colours[1]}]},options:opts});
})();
`;

function asset(type: string, body: Buffer): Asset {
  return { type, body, gzipped: gzipSync(body) };
}

let cache: Map<string, Asset> | undefined;

/** The assets by file name under /dashboard/assets/. */
export function dashboardAssets(): Map<string, Asset> {
  if (!cache) {
    const require = createRequire(import.meta.url);
    // The package exports no path to its browser build; it sits beside the CommonJS entry.
    const chartJs = readFileSync(join(dirname(require.resolve("chart.js")), "chart.umd.min.js"));
    cache = new Map([
      ["dashboard.css", asset("text/css; charset=utf-8", Buffer.from(CSS))],
      ["charts.js", asset("text/javascript; charset=utf-8", Buffer.from(CHARTS))],
      ["chart.umd.js", asset("text/javascript; charset=utf-8", chartJs)],
    ]);
  }
  return cache;
}
