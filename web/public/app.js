// yusuan workspace: one page over the JSON API (docs/api.md).
//
// Every piece of document text reaches the page through textContent or an attribute value,
// never through innerHTML: a disclosure containing "<script>" shows as those characters.
// Money arrives as exact yuan strings and is shown in 万元 by string arithmetic on BigInt fen;
// floating point is used only to size chart bars.

const $ = (selector, root = document) => root.querySelector(selector);

// h("td", {class: "num", dataset: {line: 3}}, "6,056.35"): an element with text children.
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') {
      for (const [k, v] of Object.entries(value)) if (v != null) el.dataset[k] = v;
    } else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

// ---- money ------------------------------------------------------------------------------

function fenOf(yuan) {
  if (yuan == null || yuan === '') return 0n;
  const negative = yuan.startsWith('-');
  const [whole, frac = ''] = (negative ? yuan.slice(1) : yuan).split('.');
  const fen = BigInt(whole || '0') * 100n + BigInt((frac + '00').slice(0, 2));
  return negative ? -fen : fen;
}

function groupDigits(s) { return s.replace(/\B(?=(\d{3})+(?!\d))/g, ','); }

// Fen as 万元, exact: every digit that is not zero is kept, at least two decimals.
function wan(fen) {
  const negative = fen < 0n;
  const a = negative ? -fen : fen;
  let frac = (a % 1000000n).toString().padStart(6, '0').replace(/0+$/, '');
  if (frac.length < 2) frac = frac.padEnd(2, '0');
  return (negative ? '-' : '') + groupDigits((a / 1000000n).toString()) + '.' + frac;
}
const wanNumber = (fen) => Number(fen) / 1e6;

// ---- names ------------------------------------------------------------------------------

// As the server names them (DocumentKindName), so that a search for what is shown finds it.
const KIND_NAMES = { unit: '单位预算', department: '部门预算', livelihood: '民生领域重大事项', unknown: '类型不明' };
const SEVERITY_NAMES = { error: '错误', warning: '警告', info: '提示' };
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
const FIGURES = [
  ['income_total', '收入总计'], ['expenditure_total', '支出总计'], ['current_income', '本年收入'],
  ['carryover', '上年结转'], ['general_public_budget', '一般公共预算'], ['government_fund', '政府性基金'],
  ['basic_expenditure', '基本支出'], ['project_expenditure', '项目支出'], ['personnel', '人员经费'],
  ['public_funds', '公用经费'], ['three_public', '“三公”经费'], ['org_running', '机关运行经费'],
  ['livelihood_total', '民生项目资金'],
];
const COUNT_FIGURES = [
  ['projects_current', '本年项目数'], ['projects_carryover', '结转项目数'],
  ['performance_tables', '绩效目标表数'], ['livelihood_projects', '民生项目数'],
];
const CLAIM_KINDS = { amount: '金额', share: '占比', change: '增减', count: '个数', list: '列举', none: '无此项' };
const TARGET_FIELDS = [
  ['department', '主管部门'], ['implementing_unit', '实施单位'], ['attribute', '项目属性'],
  ['duration', '项目期'], ['basis', '立项依据'], ['necessity', '必要性'], ['measures', '实施保障措施'],
  ['plan', '实施计划'], ['overview', '项目概况'],
];
const FUND_ROWS = [['total', '资金总额'], ['central', '中央资金'], ['provincial', '省级资金'], ['local', '本级资金'], ['self_raised', '自筹资金']];
const PERIODS = { implementation: '实施期', annual: '年度' };

// ---- state and API ----------------------------------------------------------------------

const state = {
  token: sessionStorage.getItem('yusuan-token') || '',
  info: null,
  loading: null,  // the promise of ready()
  tables: new Map(),  // catalogue: table kind id -> spec
  rules: new Map(),   // rule id -> {title, example, family}
  listSort: { key: 'id', dir: 1 },
  listFilter: '',
  listOffset: 0,
  compareFigure: 'expenditure_total',
  compareFilter: '',
  charts: [],
  route: 0,  // counts route() calls: only the latest one's data is shown
};

class AuthError extends Error {}

async function api(path, options = {}) {
  const headers = new Headers(options.headers || {});
  if (state.token) headers.set('Authorization', 'Bearer ' + state.token);
  const res = await fetch(path, { ...options, headers });
  if (res.status === 401) throw new AuthError('需要令牌');
  return res;
}

async function apiJson(path, options) {
  const res = await api(path, options);
  const body = await res.json().catch(() => ({ error: `服务器返回 ${res.status}` }));
  if (!res.ok) throw new Error(body.error || `请求失败（${res.status}）`);
  return body;
}

// The workspace's settings, catalogue and rules, fetched once: every caller (the router, an
// upload started before the page has finished loading) awaits the same requests.
function ready() {
  if (!state.loading) state.loading = init().catch((e) => { state.loading = null; throw e; });
  return state.loading;
}

async function init() {
  const [info, catalogue, rules] = await Promise.all([
    apiJson('/api/info'), apiJson('/api/catalogue'), apiJson('/api/rules')]);
  state.info = info;
  for (const t of catalogue.tables) state.tables.set(t.id, t);
  for (const r of rules.rules) state.rules.set(r.id, r);
  $('#upload-button').hidden = info.read_only;
  $('#mode-note').textContent = info.read_only ? '只读模式' : '';
}

// ---- routing ----------------------------------------------------------------------------

function disposeCharts() {
  for (const c of state.charts) c.dispose();
  state.charts = [];
}

async function route() {
  // Two navigations can overlap (the page's first one and the one after an upload): a view
  // whose data arrives after a later navigation started is stale and is not shown.
  const mine = ++state.route;
  const current = () => mine === state.route;
  const hash = location.hash || '#/';
  for (const a of document.querySelectorAll('.top nav a')) {
    a.classList.toggle('active', (a.dataset.nav === 'compare') === hash.startsWith('#/compare') &&
      !hash.startsWith('#/doc/'));
  }
  closePopover();
  disposeCharts();
  const view = $('#view');
  try {
    await ready();
    const m = hash.match(/^#\/doc\/(\d+)/);
    if (!current()) return;
    if (m) await showDocument(Number(m[1]), current);
    else if (hash.startsWith('#/compare')) await showCompare(current);
    else await showList(current);
  } catch (e) {
    if (e instanceof AuthError) showTokenForm();
    else view.replaceChildren(h('p', { class: 'empty' }, '出错了：', e.message));
  }
}

function showTokenForm() {
  const input = h('input', { type: 'password', placeholder: '令牌', autocomplete: 'off' });
  const form = h('form', { class: 'token-form' },
    h('h2', { text: '此工作台需要令牌' }),
    h('p', { text: '请向管理员索取启动 yusuan serve 时设定的令牌。' }),
    input, h('button', { class: 'button primary', type: 'submit', text: '进入' }));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    state.token = input.value.trim();
    sessionStorage.setItem('yusuan-token', state.token);
    state.info = null;
    state.loading = null;
    route();
  });
  $('#view').replaceChildren(form);
  input.focus();
}

// ---- upload -----------------------------------------------------------------------------

async function uploadFiles(files) {
  if (!files.length) return;
  const status = $('#upload-status');
  try {
    await ready();
  } catch (e) {
    if (e instanceof AuthError) showTokenForm();
    else status.replaceChildren(h('div', { class: 'fail' }, `✘ 无法上传：${e.message}`));
    return;
  }
  if (state.info.read_only) {
    status.replaceChildren(h('div', { class: 'fail', text: '✘ 工作台为只读模式，不能上传文件。' }));
    return;
  }
  const lines = [];
  const show = (busy) => status.replaceChildren(
    ...lines,
    busy ? h('div', { text: busy }) :
      h('button', { class: 'button', type: 'button', onclick: () => status.replaceChildren(), text: '关闭提示' }));
  for (const [i, file] of [...files].entries()) {
    show(`正在读取和检查 ${file.name}（${i + 1}/${files.length}）…`);
    if (file.size > state.info.max_upload_bytes) {
      lines.push(h('div', { class: 'fail' }, `✘ ${file.name}：超过上传上限 ${Math.floor(state.info.max_upload_bytes / 1048576)} MB`));
      continue;
    }
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const r = await apiJson('/api/documents', { method: 'POST', body: form });
      lines.push(h('div', { class: 'ok' },
        `✔ ${file.name}：${r.summary.name || '（未识别名称）'}，错误 ${r.counts.error}、警告 ${r.counts.warning}、提示 ${r.counts.info}　`,
        h('a', { href: `#/doc/${r.id}`, text: '打开' })));
    } catch (e) {
      if (e instanceof AuthError) { showTokenForm(); return; }
      lines.push(h('div', { class: 'fail' }, `✘ ${file.name}：${e.message}`));
    }
  }
  show(null);
  if (!location.hash.startsWith('#/doc/')) route();
}

function setupUpload() {
  $('#file-input').addEventListener('change', (ev) => {
    uploadFiles([...ev.target.files]);
    ev.target.value = '';
  });
  const overlay = $('#drop-overlay');
  const hasFiles = (ev) => [...(ev.dataTransfer?.types || [])].includes('Files');
  document.addEventListener('dragenter', (ev) => {
    if (hasFiles(ev) && state.info && !state.info.read_only) overlay.hidden = false;
  });
  overlay.addEventListener('dragover', (ev) => ev.preventDefault());
  overlay.addEventListener('dragleave', (ev) => { if (ev.target === overlay) overlay.hidden = true; });
  overlay.addEventListener('drop', (ev) => {
    ev.preventDefault();
    overlay.hidden = true;
    uploadFiles([...ev.dataTransfer.files]);
  });
  document.addEventListener('dragover', (ev) => { if (hasFiles(ev)) ev.preventDefault(); });
  document.addEventListener('drop', (ev) => ev.preventDefault());
}

// ---- document list ----------------------------------------------------------------------

// A province's workspace holds tens of thousands of documents: the server searches, sorts and
// pages them (GET /api/documents?q=&sort=&order=&offset=&limit=), the page shows one page.
const LIST_PAGE = 100;
const COMPARE_TOP = 50;

function listPath({ q = '', sort = 'id', order = 'asc', offset = 0, limit }) {
  const params = new URLSearchParams({ sort, order, offset: String(offset) });
  if (q.trim()) params.set('q', q.trim());
  if (limit) params.set('limit', String(limit));
  return `/api/documents?${params}`;
}

// A search box that asks again once typing pauses.
function searchBox(placeholder, value, onChange) {
  const input = h('input', { type: 'search', placeholder, value, title: '空格分隔多个词：每个词都须出现在单位、地区、年度、类型或文件名中' });
  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => onChange(input.value), 250);
  });
  return input;
}

function countBadge(n, severity) {
  return h('span', { class: `count ${n ? severity : 'zero'}`, title: SEVERITY_NAMES[severity] }, String(n));
}

async function showList(current = () => true) {
  const view = $('#view');
  const columns = [
    { key: 'name', name: '单位/部门', value: (d) => d.name },
    { key: 'region', name: '地区', value: (d) => d.region },
    { key: 'year', name: '年度', value: (d) => d.year, num: true },
    { key: 'kind', name: '类型', value: (d) => KIND_NAMES[d.kind] || d.kind },
    ...['income_total', 'expenditure_total', 'basic_expenditure', 'project_expenditure', 'three_public'].map((k) => ({
      key: k, name: FIGURES.find((f) => f[0] === k)[1] + '（万元）', money: true,
      value: (d) => fenOf(d.figures[k]),
    })),
    { key: 'error', name: '错误', value: (d) => d.counts.error, badge: 'error' },
    { key: 'warning', name: '警告', value: (d) => d.counts.warning, badge: 'warning' },
    { key: 'info', name: '提示', value: (d) => d.counts.info, badge: 'info' },
  ];
  const tbody = h('tbody');
  const headRow = h('tr');
  const count = h('span', { class: 'sub', id: 'list-count' });
  const prev = h('button', { class: 'button', type: 'button', text: '上一页' });
  const next = h('button', { class: 'button', type: 'button', text: '下一页' });
  const page = h('div', { class: 'page' },
    h('div', { class: 'toolbar' },
      searchBox('搜索单位、地区、年度、类型或文件名', state.listFilter, (q) => {
        state.listFilter = q;
        state.listOffset = 0;
        reload();
      }),
      count, h('span', { class: 'pager' }, prev, next)),
    h('table', { class: 'grid', id: 'document-list' }, h('thead', {}, headRow), tbody));
  const row = (d) => h('tr', {
    class: 'clickable', dataset: { id: d.id }, title: d.file,
    onclick: () => { location.hash = `#/doc/${d.id}`; },
  }, columns.map((c) => {
    const v = c.value(d);
    if (c.money) return h('td', { class: 'num' }, wan(v));
    if (c.badge) return h('td', { class: 'num' }, countBadge(v, c.badge));
    return h('td', { class: c.num ? 'num' : '' }, String(v ?? ''));
  }), state.info.read_only ? null : h('td', {}, h('button', {
    class: 'button danger', type: 'button', text: '删除',
    onclick: async (ev) => {
      ev.stopPropagation();
      if (!confirm(`从数据库中删除“${d.name || d.file}”？`)) return;
      await apiJson(`/api/documents/${d.id}`, { method: 'DELETE' }).catch((e) => alert(e.message));
      route();
    },
  })));

  let asked = 0;  // only the answer to the latest request is shown
  const load = async () => {
    const mine = ++asked;
    const list = await apiJson(listPath({
      q: state.listFilter, sort: state.listSort.key, order: state.listSort.dir === 1 ? 'asc' : 'desc',
      offset: state.listOffset, limit: LIST_PAGE,
    }));
    if (mine !== asked || !current()) return;
    if (!list.total) {
      view.replaceChildren(h('div', { class: 'page' }, h('div', { class: 'dropzone' },
        h('p', { text: '还没有文件。' }),
        h('p', { text: state.info.read_only ? '工作台为只读模式，请用 yusuan db load 载入文件。' :
          '把预算公开文件（.txt，UTF-8、GB18030 或 UTF-16）拖到这里，或点右上角“上传文件”。' }))));
      return;
    }
    if (!list.documents.length && state.listOffset > 0 && list.matched > 0) {
      // The page is past the end (documents were deleted meanwhile): show the last one.
      state.listOffset = Math.floor((list.matched - 1) / LIST_PAGE) * LIST_PAGE;
      return load();
    }
    if (!page.isConnected) view.replaceChildren(page);
    for (const th of headRow.children) {
      th.classList.toggle('sorted-asc', th.dataset.key === state.listSort.key && state.listSort.dir === 1);
      th.classList.toggle('sorted-desc', th.dataset.key === state.listSort.key && state.listSort.dir === -1);
    }
    tbody.replaceChildren(...list.documents.map(row));
    const first = list.documents.length ? list.offset + 1 : 0;
    const last = list.offset + list.documents.length;
    count.textContent = (state.listFilter.trim() ? `共 ${list.total} 份，符合 ${list.matched} 份` : `共 ${list.total} 份`) +
      (list.matched > LIST_PAGE ? `，显示第 ${first}–${last} 份` : '');
    prev.disabled = list.offset === 0;
    next.disabled = last >= list.matched;
    prev.parentElement.hidden = list.matched <= LIST_PAGE;
  };
  const reload = () => load().catch((e) => { if (current()) count.textContent = `出错了：${e.message}`; });
  prev.addEventListener('click', () => { state.listOffset = Math.max(0, state.listOffset - LIST_PAGE); reload(); });
  next.addEventListener('click', () => { state.listOffset += LIST_PAGE; reload(); });
  for (const c of columns) {
    headRow.append(h('th', {
      class: 'sortable', dataset: { key: c.key },
      onclick: () => {
        state.listSort = { key: c.key, dir: state.listSort.key === c.key ? -state.listSort.dir : (c.money || c.badge ? -1 : 1) };
        state.listOffset = 0;
        reload();
      },
    }, c.name));
  }
  if (!state.info.read_only) headRow.append(h('th', {}, ''));
  await load();
}

// ---- document view ----------------------------------------------------------------------

function claimTitle(c) {
  let s = `${CLAIM_KINDS[c.kind] || c.kind}：${c.subject || ''}`;
  if (c.amount) s += `　${c.amount.printed}${c.unit || ''}`;
  if (c.percent) s += `　${c.percent}%`;
  if (c.kind === 'count') s += `　${c.count}`;
  return s;
}

// The paragraph's text with the claims stated on its line marked, in reading order.
function markClaims(text, claims) {
  const out = [];
  let pos = 0;
  for (const c of claims) {
    if (!c.text) continue;
    const at = text.indexOf(c.text, pos);
    if (at < 0) continue;
    out.push(text.slice(pos, at), h('mark', { class: 'claim', title: claimTitle(c), dataset: { claimLine: c.line, actual: c.amount?.printed } }, c.text));
    pos = at + c.text.length;
  }
  out.push(text.slice(pos));
  return out;
}

function textItem(tag, item, props = {}) {
  return h(tag, { ...props, dataset: { line: item.line } }, item.text);
}

function renderOverview(model, findings) {
  const pane = h('div');
  const s = model.summary || {};
  pane.append(h('div', { class: 'cards' },
    FIGURES.filter(([k]) => s[k] != null && (fenOf(s[k]) !== 0n || ['income_total', 'expenditure_total'].includes(k)))
      .map(([k, name]) => h('div', { class: 'card' }, h('div', { class: 'k' }, name + '（万元）'), h('div', { class: 'v' }, wan(fenOf(s[k]))))),
    COUNT_FIGURES.filter(([k]) => s[k]).map(([k, name]) => h('div', { class: 'card' }, h('div', { class: 'k' }, name), h('div', { class: 'v' }, String(s[k])))),
    h('div', { class: 'card' }, h('div', { class: 'k' }, '问题'), h('div', { class: 'v' },
      countBadge(findings.filter((f) => f.severity === 'error').length, 'error'), ' ',
      countBadge(findings.filter((f) => f.severity === 'warning').length, 'warning'), ' ',
      countBadge(findings.filter((f) => f.severity === 'info').length, 'info')))));
  const charts = h('div', { class: 'charts' });
  for (const spec of documentCharts(model)) {
    charts.append(h('div', { class: 'chart-box', dataset: { chart: spec.id } },
      h('h4', { text: spec.title }),
      spec.data.length ? h('div', { class: 'chart', id: `chart-${spec.id}` }) :
        h('div', { class: 'none', text: spec.empty })));
  }
  pane.append(charts);
  pane.chartSpecs = documentCharts(model);
  return pane;
}

function tableOf(model, kind) { return model.tables.find((t) => t.kind === kind); }

function amountOf(cell) { return cell && cell.yuan != null ? fenOf(cell.yuan) : 0n; }

// The figures the text versions of these documents lost as charts.
function documentCharts(model) {
  const labelOf = (t, r) => (r.cells.name || r.cells.label || {}).text || r.key;
  const general = tableOf(model, 'general_expenditure');
  const byClass = (t) => (t ? t.rows.filter((r) => r.kind === 'class').map((r) => ({ name: labelOf(t, r), fen: amountOf(r.cells.total) })) : []);
  let structure = byClass(general);
  let structureTitle = '一般公共预算支出结构（按功能分类“类”）';
  if (!structure.length) { structure = byClass(tableOf(model, 'expenditure_summary')); structureTitle = '支出结构（按功能分类“类”）'; }
  const three = tableOf(model, 'three_public');
  const threeParts = [];
  if (three) {
    const row = (key) => three.rows.find((r) => r.key === key);
    const vehicleParts = ['vehicle_purchase', 'vehicle_operation'].map(row).filter(Boolean);
    for (const r of [row('outbound'), row('reception'), ...(vehicleParts.length ? vehicleParts : [row('vehicles')])]) {
      if (r) threeParts.push({ name: labelOf(three, r).replace(/^[①②③④]/, ''), fen: amountOf(r.cells.total) });
    }
  }
  const s = model.summary || {};
  const basicProject = [
    { name: '基本支出', fen: fenOf(s.basic_expenditure) }, { name: '项目支出', fen: fenOf(s.project_expenditure) }];
  const income = tableOf(model, 'income_summary');
  const sources = [];
  if (income) {
    const total = income.rows.find((r) => r.kind === 'total');
    const spec = state.tables.get('income_summary');
    const names = new Map((spec?.sides[0]?.columns || []).map((c) => [c.id, c.name]));
    if (total) {
      for (const [id, cell] of Object.entries(total.cells)) {
        if (['code', 'name', 'total'].includes(id)) continue;
        sources.push({ name: names.get(id) || id, fen: amountOf(cell) });
      }
    }
  }
  const nonzero = (list) => list.filter((d) => d.fen !== 0n);
  return [
    { id: 'structure', title: structureTitle, kind: 'pie', data: nonzero(structure), empty: '文件中没有按功能分类的支出表' },
    { id: 'three-public', title: '“三公”经费分布（万元）', kind: 'bar', data: nonzero(threeParts), empty: '本文件“三公”经费为零或无此表' },
    { id: 'basic-project', title: '基本支出与项目支出', kind: 'pie', data: nonzero(basicProject), empty: '文件中没有基本支出、项目支出数' },
    { id: 'income-sources', title: '收入来源', kind: 'pie', data: nonzero(sources), empty: '文件中没有预算收入总表' },
  ];
}

// Tooltips built as elements, so names from documents stay text.
function tooltipElement(name, fen, percent) {
  return h('div', {}, h('b', {}, name), h('br'), `${wan(fen)} 万元`, percent != null ? `（${percent.toFixed(2)}%）` : '');
}

function drawChart(el, spec) {
  if (!window.echarts) {
    el.replaceWith(h('div', { class: 'none', text: '图表库（ECharts）未安装：运行 scripts/setup 后重新构建' }));
    return null;
  }
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  const values = spec.data.map((d) => ({ name: d.name, value: wanNumber(d.fen), fen: d.fen }));
  if (spec.kind === 'pie') {
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'item', formatter: (p) => tooltipElement(p.name, p.data.fen, p.percent) },
      legend: { type: 'scroll', bottom: 0 },
      series: [{ type: 'pie', radius: ['30%', '62%'], center: ['50%', '44%'], data: values,
        label: { formatter: '{b}\n{d}%', fontSize: 11 } }],
    });
  } else {
    chart.setOption({
      animation: false,
      grid: { left: 10, right: 40, top: 10, bottom: 30, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p) => tooltipElement(p.name, p.data.fen) },
      xAxis: { type: 'value', name: '万元' },
      yAxis: { type: 'category', data: values.map((v) => v.name), inverse: true },
      series: [{ type: 'bar', data: values, label: { show: true, position: 'right', formatter: (p) => wan(p.data.fen) } }],
    });
  }
  state.charts.push(chart);
  return chart;
}

function renderTables(model) {
  const pane = h('div');
  if (!model.tables.length) pane.append(h('p', { class: 'empty', text: '本文件没有标准表格' }));
  for (const t of model.tables) {
    const spec = state.tables.get(t.kind);
    const block = h('section', { class: 'table-block', id: `table-${t.kind}` },
      h('h3', { dataset: { line: t.line } }, `${t.printed_label || '表' + (spec?.number ?? '')}　${t.title || spec?.name || t.kind}`),
      h('div', { class: 'sub' }, [t.entity && `单位：${t.entity}`, `金额单位：${t.unit}`, `第 ${t.line}–${t.last_line} 行`].filter(Boolean).join('　')));
    if (t.no_data) block.append(h('p', { class: 'sub', dataset: { line: t.no_data_line } }, '本表无数据'));
    const sides = Object.entries(t.columns || {});
    for (const [sideId, columnIds] of sides) {
      const rows = t.rows.filter((r) => r.side === sideId);
      if (!rows.length) continue;
      const sideSpec = spec?.sides.find((s) => s.id === sideId);
      const colSpec = new Map((sideSpec?.columns || []).map((c) => [c.id, c]));
      if (sides.length > 1) block.append(h('div', { class: 'side-caption' }, sideId === 'income' ? '收入' : sideId === 'expenditure' ? '支出' : sideId));
      const thead = h('thead', {}, h('tr', {}, columnIds.map((id) => h('th', {}, colSpec.get(id)?.name || id))));
      const tbody = h('tbody', {}, rows.map((r) => h('tr', {
        class: `row-${r.kind}`, dataset: { line: r.line }, title: r.doubt ? `读取存疑：${r.doubt}` : null,
      }, columnIds.map((id) => {
        const cell = r.cells[id];
        const type = colSpec.get(id)?.type;
        if (!cell) return h('td', { class: type === 'amount' ? 'num' : '' });
        const isAmount = cell.yuan != null || type === 'amount';
        const text = isAmount ? (cell.printed ?? '') : (cell.text ?? '');
        return h('td', {
          class: [isAmount ? 'num' : '', type === 'label' || id === 'name' ? 'label' : '', cell.doubtful ? 'doubtful' : ''].filter(Boolean).join(' '),
          dataset: { printed: isAmount ? cell.printed : null, col: cell.col },
          title: cell.doubtful ? '读取时不能确定此单元格所在的列（已按表内关系判断）' : null,
        }, text);
      }))));
      block.append(h('table', { class: 'grid' }, thead, tbody));
    }
    for (const note of t.notes || []) block.append(textItem('p', note, { class: 'sub' }));
    pane.append(block);
  }
  return pane;
}

function renderNarrative(model) {
  const pane = h('div', { class: 'narrative' });
  const claimsByLine = new Map();
  for (const c of model.claims || []) {
    if (!claimsByLine.has(c.line)) claimsByLine.set(c.line, []);
    claimsByLine.get(c.line).push(c);
  }
  if (model.title?.text) pane.append(h('h2', { dataset: { line: model.title.line } }, model.title.text));
  const ov = model.overview || {};
  for (const [key, name] of [['duties', '主要职责'], ['offices', '内设机构'], ['subordinate_units', '下属单位']]) {
    if (!ov[key]?.length) continue;
    pane.append(h('h3', { text: name }), h('ul', {}, ov[key].map((item) => textItem('li', item))));
  }
  for (const section of model.narrative || []) {
    pane.append(textItem('h3', section.heading));
    for (const p of section.paragraphs || []) {
      pane.append(h('p', { dataset: { line: p.line } }, markClaims(p.text, claimsByLine.get(p.line) || [])));
    }
  }
  const a = model.assets;
  if (a?.present) {
    const q = (x) => (x && x.printed != null ? h('li', { dataset: { line: x.line } }, `${x.label}：${x.printed}${x.unit || ''}`) : null);
    pane.append(h('h3', { text: '国有资产占有使用情况' }), h('ul', {},
      q(a.vehicle_quota), q(a.vehicles_held), (a.vehicles_by_type || []).map(q), q(a.office_area), (a.equipment || []).map(q)));
  }
  if (pane.children.length === 0) pane.append(h('p', { class: 'empty', text: '本文件没有情况说明' }));
  return pane;
}

function indicatorTree(list) {
  const groups = new Map();
  for (const ind of list) {
    const l1 = ind.level1 || '（未分类）', l2 = ind.level2 || '';
    if (!groups.has(l1)) groups.set(l1, new Map());
    const g = groups.get(l1);
    if (!g.has(l2)) g.set(l2, []);
    g.get(l2).push(ind);
  }
  return h('ul', { class: 'tree' }, [...groups].map(([l1, byL2]) => h('li', {}, h('div', { class: 'l1', text: l1 }),
    h('ul', {}, [...byL2].map(([l2, items]) => h('li', {}, l2 ? h('div', { class: 'l2', text: l2 }) : null,
      h('ul', {}, items.map((ind) => h('li', { class: 'ind', dataset: { line: ind.at?.line } },
        ind.name || '（无名称）', ind.value?.raw ? h('span', { class: 'val', title: ind.value.kind || '' }, ind.value.raw) : h('span', { class: 'badge', text: '无指标值' }))))))))));
}

function renderTargets(model) {
  const pane = h('div');
  const targets = model.performance_targets || [];
  if (!targets.length) pane.append(h('p', { class: 'empty', text: '本文件没有绩效目标表' }));
  targets.forEach((t, i) => {
    const name = t.project_name?.text || (t.kind === 'project' ? '项目支出绩效目标表' : '部门（单位）整体绩效目标表');
    const annual = t.funds?.annual?.total || t.funds?.implementation?.total;
    const details = h('details', { class: 'target', open: i < 2 ? true : null },
      h('summary', { dataset: { line: t.line } }, name,
        h('span', { class: 'sub' }, [t.implementing_unit?.text, annual ? `资金 ${wan(fenOf(annual.yuan))} 万元` : null, `第 ${t.line} 行`].filter(Boolean).join('　')),
        t.confidence && t.confidence !== 'full' ? h('span', { class: 'badge', title: '此表的版式未能完全确定，指标与值的配对可能不全', text: '读取存疑' }) : null));
    const body = h('div', { class: 'body' });
    const dl = h('dl');
    for (const [key, label] of TARGET_FIELDS) {
      const item = t[key];
      if (!item?.text) continue;
      dl.append(h('dt', { text: label }), h('dd', { dataset: { line: item.line } }, item.text.replace(/<\/?p\s*>/gi, '\n').replace(/\n\s*\n/g, '\n').trim()));
    }
    body.append(dl);
    const periods = Object.keys(t.funds || {});
    if (periods.length) {
      body.append(h('table', { class: 'grid' },
        h('thead', {}, h('tr', {}, h('th', { text: '资金（万元）' }), periods.map((p) => h('th', {}, PERIODS[p] || p)))),
        h('tbody', {}, FUND_ROWS.filter(([k]) => periods.some((p) => t.funds[p]?.[k])).map(([k, label]) => h('tr', { dataset: { line: t.funds[periods[0]]?.[k]?.at?.line } },
          h('td', { text: label }), periods.map((p) => {
            const cell = t.funds[p]?.[k];
            return h('td', { class: 'num', dataset: { printed: cell?.printed } }, cell ? wan(fenOf(cell.yuan)) : '');
          }))))));
    }
    for (const [period, goal] of Object.entries(t.goals || {})) {
      if (goal?.text) body.append(h('p', { dataset: { line: goal.line } }, h('b', {}, `${PERIODS[period] || period}目标：`), goal.text));
    }
    for (const [period, list] of Object.entries(t.indicators || {})) {
      if (!list?.length) continue;
      body.append(h('h4', {}, `${PERIODS[period] || period}绩效指标（${list.length} 项）`), indicatorTree(list));
    }
    if (t.gaps?.length) body.append(h('p', { class: 'sub' }, '缺少：', t.gaps.join('、')));
    details.append(body);
    pane.append(details);
  });
  return pane;
}

function renderLivelihood(model) {
  const lv = model.livelihood;
  const pane = h('div');
  if (!lv?.rows?.length) return pane;
  if (lv.title?.text) pane.append(textItem('h3', lv.title));
  pane.append(h('table', { class: 'grid' },
    h('thead', {}, h('tr', {}, ['序号', '单位', '项目', '金额（万元）'].map((s) => h('th', {}, s)))),
    h('tbody', {}, lv.rows.map((r) => h('tr', { dataset: { line: r.line } },
      h('td', {}, r.number || ''), h('td', {}, r.unit || ''), h('td', {}, r.project || ''),
      h('td', { class: 'num', dataset: { printed: r.amount?.printed } }, r.amount ? wan(fenOf(r.amount.yuan)) : ''))))));
  return pane;
}

const normalize = (s) => (s || '').replace(/[^0-9.\-]/g, '');

// Marks every element a finding is about (its line) and related to (its related lines); in a
// table row, the cell whose printed figure the finding quotes as "actual" stands out.
function applyHighlights(root, findings) {
  const byLine = new Map();
  for (const el of root.querySelectorAll('[data-line]')) {
    const key = el.dataset.line;
    if (!byLine.has(key)) byLine.set(key, []);
    byLine.get(key).push(el);
  }
  const attach = (el, index, related) => {
    el.findingIndexes = el.findingIndexes || [];
    el.findingIndexes.push({ index, related });
    el.classList.add('has-finding');
  };
  findings.forEach((f, index) => {
    const els = byLine.get(String(f.location.line)) || [];
    const actual = normalize(f.actual);
    for (const el of els) {
      attach(el, index, false);
      const current = el.dataset.severity;
      if (!current || SEVERITY_RANK[f.severity] < SEVERITY_RANK[current]) {
        if (current) el.classList.remove(`hl-${current}`);
        el.classList.remove('hl-related');
        el.dataset.severity = f.severity;
        el.classList.add(`hl-${f.severity}`);
      }
      if (!actual) continue;
      for (const target of el.querySelectorAll('td[data-printed], mark[data-actual]')) {
        const printed = normalize(target.dataset.printed ?? target.dataset.actual);
        if (printed && printed === actual) {
          target.classList.add(target.tagName === 'TD' ? `cell-${f.severity}` : `claim-${f.severity}`);
          target.title = `${SEVERITY_NAMES[f.severity]}：${f.message}`;
        }
      }
    }
    for (const line of f.location.related_lines || []) {
      for (const el of byLine.get(String(line)) || []) {
        attach(el, index, true);
        if (!el.dataset.severity) el.classList.add('hl-related');
      }
    }
  });
  for (const els of byLine.values()) {
    for (const el of els) {
      if (!el.findingIndexes) continue;
      const own = el.findingIndexes.filter((x) => !x.related).map((x) => findings[x.index]);
      if (own.length && !el.title) el.title = own.map((f) => `${SEVERITY_NAMES[f.severity]}：${f.message}`).join('\n');
    }
  }
}

function closePopover() { $('#popover').hidden = true; }

function showPopover(items, x, y) {
  const pop = $('#popover');
  pop.replaceChildren(...items.map(({ finding: f, related }) => {
    const rule = state.rules.get(f.rule);
    return h('div', { class: 'item' },
      h('div', {}, h('span', { class: `sev ${f.severity}` }, SEVERITY_NAMES[f.severity]), related ? '（相关行）' : '', f.message),
      f.expected || f.actual ? h('div', { class: 'ea' }, f.expected ? `应为 ${f.expected}` : '', f.expected && f.actual ? '　' : '', f.actual ? `实为 ${f.actual}` : '') : null,
      h('div', { class: 'why' }, `规则 ${f.rule}`, rule ? `：${rule.title}` : '', `　第 ${f.location.line} 行`));
  }));
  pop.hidden = false;
  const w = pop.offsetWidth, hgt = pop.offsetHeight;
  pop.style.left = `${Math.max(8, Math.min(x + 12, innerWidth - w - 8))}px`;
  pop.style.top = `${Math.max(8, Math.min(y + 12, innerHeight - hgt - 8))}px`;
}

async function download(path, fallbackName) {
  try {
    const res = await api(path);
    if (!res.ok) {
      const body = await res.json().catch(() => ({}));
      throw new Error(body.error || `导出失败（${res.status}）`);
    }
    const disposition = res.headers.get('Content-Disposition') || '';
    const m = disposition.match(/filename\*=UTF-8''([^;]+)/);
    const name = m ? decodeURIComponent(m[1]) : fallbackName;
    const url = URL.createObjectURL(await res.blob());
    const a = h('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (e) {
    alert(e.message);
  }
}

async function showDocument(id, current = () => true) {
  const [model, { findings }] = await Promise.all([
    apiJson(`/api/documents/${id}`), apiJson(`/api/documents/${id}/findings`)]);
  if (!current()) return;
  const view = $('#view');
  const panes = [
    { id: 'overview', name: '概览与图表', el: renderOverview(model, findings) },
    { id: 'tables', name: '表格', el: renderTables(model) },
    { id: 'narrative', name: '说明', el: renderNarrative(model) },
    { id: 'targets', name: '绩效目标', el: renderTargets(model) },
  ];
  if (model.livelihood?.rows?.length) panes.push({ id: 'livelihood', name: '民生事项', el: renderLivelihood(model) });
  const tabs = h('div', { class: 'tabs', role: 'tablist' });
  const main = h('div', { class: 'doc-main' }, tabs);
  for (const p of panes) {
    p.container = h('div', { class: 'pane', id: `pane-${p.id}`, role: 'tabpanel', hidden: true }, p.el);
    p.button = h('button', { type: 'button', role: 'tab', dataset: { tab: p.id }, onclick: () => activate(p.id) }, p.name);
    tabs.append(p.button);
    main.append(p.container);
  }
  let chartsDrawn = false;
  function activate(tabId) {
    for (const p of panes) {
      p.container.hidden = p.id !== tabId;
      p.button.classList.toggle('active', p.id === tabId);
    }
    if (tabId === 'overview') {
      if (!chartsDrawn) {
        chartsDrawn = true;
        for (const spec of panes[0].el.chartSpecs) {
          const el = panes[0].container.querySelector(`#chart-${spec.id}`);
          if (el && spec.data.length) drawChart(el, spec);
        }
      } else {
        for (const c of state.charts) c.resize();
      }
    }
  }

  // Findings panel.
  const shown = { error: true, warning: true, info: findings.length < 60 };
  const list = h('ol', { id: 'findings-list' });
  const renderFindings = () => {
    list.replaceChildren(...findings.map((f, index) => shown[f.severity] ? h('li', {
      dataset: { index, severity: f.severity, line: null },
      onclick: (ev) => { ev.stopPropagation(); jumpTo(index, ev.currentTarget); },
    }, h('div', {}, h('span', { class: `sev ${f.severity}` }, SEVERITY_NAMES[f.severity]), f.message),
    h('div', { class: 'where' }, `第 ${f.location.line} 行`, f.location.related_lines?.length ? `（相关 ${f.location.related_lines.slice(0, 6).join('、')}${f.location.related_lines.length > 6 ? '…' : ''}）` : '', '　', h('span', { class: 'rule' }, f.rule))) : null).filter(Boolean));
    if (!list.children.length) list.append(h('li', { class: 'sub', text: findings.length ? '没有符合筛选的问题' : '没有发现问题' }));
  };
  const toggle = (severity) => h('label', {}, h('input', {
    type: 'checkbox', checked: shown[severity] ? true : null,
    onchange: (ev) => { shown[severity] = ev.target.checked; renderFindings(); },
  }), `${SEVERITY_NAMES[severity]} ${findings.filter((f) => f.severity === severity).length}`);
  const copyList = h('button', {
    class: 'button', type: 'button', text: '复制清单', title: '把问题清单复制为文字，便于发回编制单位',
    onclick: async () => {
      const text = [`${model.name}（${model.year}）预算公开检查问题清单`, ...findings.filter((f) => shown[f.severity])
        .map((f, i) => `${i + 1}. 【${SEVERITY_NAMES[f.severity]}】第 ${f.location.line} 行：${f.message}`)].join('\n');
      try { await navigator.clipboard.writeText(text); copyList.textContent = '已复制'; } catch { prompt('复制以下内容：', text); }
    },
  });
  const panel = h('aside', { class: 'findings' },
    h('header', {}, h('h2', {}, `问题 ${findings.length}`), toggle('error'), toggle('warning'), toggle('info'), copyList), list);

  function paneOf(el) { return panes.find((p) => p.container.contains(el)); }
  function jumpTo(index, li) {
    const f = findings[index];
    for (const x of list.querySelectorAll('li.current')) x.classList.remove('current');
    li?.classList.add('current');
    const lines = [f.location.line, ...(f.location.related_lines || [])];
    let target = null;
    for (const line of lines) {
      const candidates = [...main.querySelectorAll(`[data-line="${line}"]`)];
      // Prefer the cell or claim that carries the figure, then the row or paragraph.
      target = candidates.map((el) => el.querySelector('td.cell-error, td.cell-warning, td.cell-info, mark.claim-error, mark.claim-warning')).find(Boolean) || candidates[0];
      if (target) break;
    }
    if (!target) {
      const r = li?.getBoundingClientRect();
      showPopover([{ finding: f, related: false }], r ? r.left - 460 : 200, r ? r.top : 200);
      return;
    }
    const pane = paneOf(target);
    if (pane) activate(pane.id);
    if (target.closest('details') && !target.closest('details').open) target.closest('details').open = true;
    target.scrollIntoView({ block: 'center' });
    target.classList.remove('flash');
    void target.offsetWidth;
    target.classList.add('flash');
  }

  const exportButton = (format, label) => h('button', {
    class: 'button', type: 'button', text: label, dataset: { export: format },
    onclick: () => download(`/api/documents/${id}/export?format=${format}`, `document-${id}.${format}`),
  });
  const head = h('div', { class: 'doc-head' },
    h('h1', {}, model.name || model.source?.file || ''),
    h('span', { class: 'meta' }, [model.region, model.year ? `${model.year} 年` : '', KIND_NAMES[model.kind], model.source?.file, model.source?.encoding, model.source?.lines ? `${model.source.lines} 行` : ''].filter(Boolean).join(' · ')),
    h('span', {}, countBadge(findings.filter((f) => f.severity === 'error').length, 'error'), ' ',
      countBadge(findings.filter((f) => f.severity === 'warning').length, 'warning')),
    h('div', { class: 'exports' }, exportButton('xlsx', '导出 XLSX'), exportButton('csv', 'CSV'), exportButton('html', 'HTML 报告'), exportButton('json', 'JSON')));
  view.replaceChildren(h('div', { class: 'doc' }, head, main, panel));
  applyHighlights(main, findings);
  for (const p of panes) {
    const n = new Set([...p.container.querySelectorAll('[data-severity="error"]')].flatMap((el) => el.findingIndexes.filter((x) => !x.related).map((x) => x.index))).size;
    if (n) p.button.append(h('span', { class: 'n', title: `${n} 个错误在此` }, String(n)));
  }
  main.addEventListener('click', (ev) => {
    const el = ev.target.closest('.has-finding');
    if (!el || !el.findingIndexes) return;
    showPopover(el.findingIndexes.map(({ index, related }) => ({ finding: findings[index], related })), ev.clientX, ev.clientY);
    ev.stopPropagation();
  });
  renderFindings();
  activate('overview');
}

// ---- comparison -------------------------------------------------------------------------

async function showCompare(current = () => true) {
  const view = $('#view');
  const options = [
    ...FIGURES.map(([k, name]) => ({ key: k, name: `${name}（万元）`, value: (d) => fenOf(d.figures[k]), money: true })),
    ...COUNT_FIGURES.map(([k, name]) => ({ key: k, name, value: (d) => BigInt(d.figures[k] || 0) })),
    { key: 'error', name: '错误数', value: (d) => BigInt(d.counts.error) },
    { key: 'warning', name: '警告数', value: (d) => BigInt(d.counts.warning) },
  ];
  const select = h('select', { id: 'compare-figure' }, options.map((o) => h('option', { value: o.key, selected: o.key === state.compareFigure ? true : null }, o.name)));
  const chartEl = h('div', { class: 'compare-chart', id: 'compare-chart' });
  const tbody = h('tbody');
  const count = h('span', { class: 'sub', id: 'compare-count' });
  const page = h('div', { class: 'page' },
    h('div', { class: 'toolbar' }, h('label', {}, '比较的数字：', select),
      searchBox('只比较：单位、地区、年度、类型或文件名', state.compareFilter, (q) => { state.compareFilter = q; reload(); }),
      count),
    chartEl,
    h('table', { class: 'grid', id: 'compare-table' },
      h('thead', {}, h('tr', {}, ['名次', '单位/部门', '地区', '年度', '类型', '数值', '错误'].map((s) => h('th', {}, s)))), tbody));
  let asked = 0;
  // The largest COMPARE_TOP documents for the figure, ranked by the server.
  const load = async () => {
    const mine = ++asked;
    const option = options.find((o) => o.key === select.value) || options[0];
    state.compareFigure = option.key;
    const list = await apiJson(listPath({ q: state.compareFilter, sort: option.key, order: 'desc', limit: COMPARE_TOP }));
    if (mine !== asked || !current()) return;
    if (!list.total) {
      view.replaceChildren(h('p', { class: 'empty', text: '还没有文件可比较。' }));
      return;
    }
    if (!page.isConnected) view.replaceChildren(page);
    const filtered = state.compareFilter.trim() ? `，符合 ${list.matched} 份` : '';
    count.textContent = list.matched > list.documents.length
      ? `共 ${list.total} 份${filtered}，显示最大的 ${list.documents.length} 份`
      : `共 ${list.total} 份${filtered}`;
    const rows = list.documents.map((d) => ({ d, v: option.value(d) }));
    const label = (d) => `${d.name || d.file}（${d.year}）`;
    const show = (v) => (option.money ? wan(v) : v.toString());
    tbody.replaceChildren(...rows.map(({ d, v }, i) => h('tr', { class: 'clickable', onclick: () => { location.hash = `#/doc/${d.id}`; } },
      h('td', { class: 'num' }, String(i + 1)), h('td', {}, d.name || d.file), h('td', {}, d.region || ''),
      h('td', { class: 'num' }, String(d.year)), h('td', {}, KIND_NAMES[d.kind] || d.kind), h('td', { class: 'num' }, show(v)),
      h('td', { class: 'num' }, countBadge(d.counts.error, 'error')))));
    chartEl.style.height = `${Math.max(260, rows.length * 28 + 60)}px`;
    disposeCharts();
    if (!rows.length) {
      chartEl.replaceChildren(h('div', { class: 'none', text: '没有符合的文件' }));
      return;
    }
    if (!window.echarts) {
      chartEl.replaceChildren(h('div', { class: 'none', text: '图表库（ECharts）未安装' }));
      return;
    }
    chartEl.replaceChildren();
    const chart = echarts.init(chartEl);
    chart.setOption({
      animation: false,
      grid: { left: 220, right: 80, top: 10, bottom: 30 },
      tooltip: { trigger: 'item', formatter: (p) => h('div', {}, h('b', {}, p.name), h('br'), show(rows[p.dataIndex].v)) },
      xAxis: { type: 'value', name: option.money ? '万元' : '' },
      yAxis: { type: 'category', inverse: true, data: rows.map(({ d }) => label(d)), axisLabel: { width: 200, overflow: 'truncate' } },
      series: [{ type: 'bar', data: rows.map(({ v }) => (option.money ? wanNumber(v) : Number(v))), label: { show: true, position: 'right', formatter: (p) => show(rows[p.dataIndex].v) } }],
    });
    chart.on('click', (p) => { location.hash = `#/doc/${rows[p.dataIndex].d.id}`; });
    state.charts.push(chart);
  };
  const reload = () => load().catch((e) => { if (current()) count.textContent = `出错了：${e.message}`; });
  select.addEventListener('change', reload);
  await load();
}

// ---- start ------------------------------------------------------------------------------

document.addEventListener('click', (ev) => { if (!ev.target.closest('#popover')) closePopover(); });
document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') closePopover(); });
window.addEventListener('resize', () => { for (const c of state.charts) c.resize(); });
window.addEventListener('hashchange', route);
setupUpload();
route();
