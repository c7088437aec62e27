// The ECharts build the pages load: only the chart types and components
// the charts package emits (charts/*.go). A chart that needs another type
// or component adds it here; TestEChartsBuildCoversCharts fails until it
// does, because ECharts silently ignores options it was built without.
// Bundled by esbuild into static/vendor/echarts.min.js (`make assets`);
// app.js reaches it as window.echarts.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GridSimpleComponent,
  LegendPlainComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, LineChart, ScatterChart,
  AriaComponent, GridSimpleComponent, LegendPlainComponent, TitleComponent, TooltipComponent,
  // labelLayout: the best-so-far chart hides new-best names that overlap.
  LabelLayout,
  CanvasRenderer,
]);

window.echarts = echarts;
