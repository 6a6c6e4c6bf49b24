/**
 * The search UI: the search page (`attachSearchPage`) and the header box (`attachSearchBox`).
 * Both render result links, in rank order, inside the element marked `data-search-results`, and
 * mark their root with `data-search-state="done"` and `data-search-for="<query>"` once the
 * results for a query are on screen (tests and assistive tools can wait on it).
 *
 * On the 繁體 variant (`<html lang="zh-Hant">`) result text is converted to traditional script and
 * links point into `/zh-hant/`. Result URLs in the index are paths inside the site (`/rolls/…/`);
 * links are placed under the base path here (`withBase`).
 */
import { isComposing, keyComposes, trackComposition } from './composition.ts';
import { loadToTraditional, type Convert } from './convert.ts';
import { SearchEngine, type SearchHit, type SearchOutcome, type SelectedFilters } from './engine.ts';
import type { PageKind } from '../names.ts';
import { nameKey } from '../query.ts';
import { BASE, withBase } from '../../lib/base-path.ts';

/** Labels for the kinds of page. */
export const KIND_LABELS: Record<PageKind, string> = {
  awardee: '获奖者',
  deed: '先进事迹',
  announcement: '公告',
  roll: '表彰名单',
};

/** The filters offered, in order, with their headings. */
export const FILTER_LABELS: Record<string, string> = {
  kind: '类型',
  year: '年度',
  issuer: '发文机关',
  category: '类别',
  unit: '单位',
};

const TRADITIONAL_PREFIX = '/zh-hant';
const BOX_LIMIT = 6;
/**
 * Results per step on the search page: each shown result loads its excerpt (Pagefind's fragment of the page,
 * 2–3 KB for a write-up), so twenty at once cost a later query some 50 KB (docs/benchmarks.md); the reader
 * asks for ten more with the button under the list, or by scrolling to it.
 */
const PAGE_LIMIT = 10;

const engine = new SearchEngine(BASE);
const isTraditional = () => document.documentElement.lang.toLowerCase().startsWith('zh-hant');

/** Text in the page's script: converted on the 繁體 variant, as is otherwise. */
async function scriptConverter(): Promise<Convert> {
  return isTraditional() ? loadToTraditional(BASE) : (text: string) => text;
}

function localUrl(url: string): string {
  if (!isTraditional() || url.startsWith(`${TRADITIONAL_PREFIX}/`)) return withBase(url);
  return withBase(`${TRADITIONAL_PREFIX}${url}`);
}

/**
 * One result. In the header box's listbox (`id` given) the link itself is the option — an option
 * must hold nothing interactive — inside an item without a role of its own; its excerpt goes
 * inside the link, and it is left out of the Tab order (the arrows choose among options).
 */
function renderHit(hit: SearchHit, convert: Convert, id?: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-hit';
  const link = document.createElement('a');
  link.href = localUrl(hit.url);
  if (id) {
    item.setAttribute('role', 'none');
    link.id = id;
    link.setAttribute('role', 'option');
    link.setAttribute('aria-selected', 'false');
    link.tabIndex = -1;
  }
  if (hit.kind) {
    const kind = document.createElement('span');
    kind.className = `search-kind search-kind-${hit.kind}`;
    kind.textContent = convert(KIND_LABELS[hit.kind]);
    link.append(kind, ' ');
  }
  const title = document.createElement('span');
  title.className = 'search-title';
  title.textContent = convert(hit.title);
  link.append(title);
  item.append(link);
  if (hit.excerpt) {
    const excerpt = document.createElement(id ? 'span' : 'p');
    excerpt.className = 'search-excerpt';
    // The excerpt is text with <mark> only (cleanExcerpt / escapeHtml); conversion leaves tags alone.
    excerpt.innerHTML = convert(hit.excerpt);
    (id ? link : item).append(excerpt);
  }
  return item;
}

/** Common single-character surnames, and the compound ones (欧阳, 司马 …). */
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池乔查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由'.split(
    '',
  ),
]);
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '夏侯',
  '令狐',
  '司徒',
  '端木',
  '独孤',
  '南宫',
  '万俟',
  '闻人',
  '宇文',
  '澹台',
]);

/**
 * Endings of units, places and posts, never of a person's name: `卫生院` starts with the surname 卫 but is
 * no name.
 */
const NOT_A_NAME_ENDING =
  /(?:院|局|委|所|站|中心|室|处|校|厂|村|镇|乡|区|县|省|队|社区|街道|卫生|医生|护士|主任|科长)$/u;

/** Whether a (simplified) query reads as a person's name: a surname and one to three characters. */
export function looksLikeName(normalised: string): boolean {
  const key = nameKey(normalised);
  if (!/^\p{Script=Han}{2,5}$/u.test(key)) return false;
  if (NOT_A_NAME_ENDING.test(key)) return false;
  if (COMPOUND_SURNAMES.has(key.slice(0, 2))) return key.length >= 3;
  return SURNAMES.has(key[0]!) && key.length <= 4;
}

/**
 * Whether to say first that nobody of that name was honoured: the query reads as a name, and the
 * names index knows no such person (what the full text finds holds its characters only loosely).
 */
function noSuchPerson(outcome: SearchOutcome): boolean {
  const named = outcome.hits.some((hit) => hit.source === 'names' && hit.kind === 'awardee');
  return !named && looksLikeName(outcome.normalised);
}

const noSuchPersonText = (query: string) => `没有找到名为“${query.trim()}”的获奖人员`;

/**
 * Runs searches per UI so that only the latest counts: starting one aborts the one before (its
 * `signal`), and a search overtaken by a newer one is neither shown nor reported.
 */
function latestOnly() {
  let generation = 0;
  let controller: AbortController | undefined;
  return async <T>(
    run: (signal: AbortSignal) => Promise<T>,
    apply: (value: T) => void | Promise<void>,
    fail: (error: unknown) => void,
  ) => {
    const mine = ++generation;
    controller?.abort();
    const own = (controller = new AbortController());
    try {
      const value = await run(own.signal);
      if (mine === generation) await apply(value);
    } catch (error) {
      if (mine === generation) fail(error);
    }
  };
}

/**
 * Calls `update` on every change of the input's value, except while an input method is composing
 * (拼音 being typed, not yet chosen): then once the composition ends, with the characters chosen.
 */
function onQueryInput(input: HTMLInputElement, update: () => void): void {
  trackComposition(input);
  input.addEventListener('input', (event) => {
    if (!(event as InputEvent).isComposing) update();
  });
  input.addEventListener('compositionend', update);
}

/** What to say when the index cannot be loaded (a dev server without a build, a failed download). */
const UNAVAILABLE = '搜索暂不可用：未能加载搜索索引。请稍后再试；本地预览请先运行 npm run build。';

/* ------------------------------------------------------------------ the search page */

/**
 * The search page: `root` holds a `form` with an input named `q`, an element
 * `[data-search-results]`, `[data-search-filters]`, `[data-search-status]` and a
 * `select[name=sort]`. `/search/?q=…&kind=awardee` opened directly shows those results.
 */
export function attachSearchPage(root: HTMLElement): void {
  const form = root.querySelector('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]');
  const list = root.querySelector<HTMLElement>('[data-search-results]')!;
  const filterBox = root.querySelector<HTMLElement>('[data-search-filters]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const next = root.querySelector<HTMLButtonElement>('[data-search-next]');
  const run = latestOnly();
  /** How many results are shown: `PAGE_LIMIT` more each time the reader asks. */
  let limit = PAGE_LIMIT;
  /**
   * Asks for what comes next (the button, or the button scrolled into view): ten more results of the parts
   * searched, or, when they have no more, the next older parts of the index.
   */
  let showNext: (() => void) | undefined;
  next?.addEventListener('click', () => showNext?.());
  if (next && 'IntersectionObserver' in window) {
    new IntersectionObserver((seen) => {
      if (seen.some((entry) => entry.isIntersecting) && !next.hidden && window.scrollY > 0) showNext?.();
    }).observe(next);
  }

  const params = new URLSearchParams(location.search);
  const chosen: SelectedFilters = {};
  for (const name of Object.keys(FILTER_LABELS)) {
    const values = params.getAll(name);
    if (values.length > 0) chosen[name] = values;
  }
  input.value = params.get('q') ?? input.value;
  if (sortSelect && params.get('sort') === 'date') sortSelect.value = 'date';

  /** A new search (`fresh`), ten more results (`results`), or the next older parts (`parts`). */
  const update = (step: 'fresh' | 'results' | 'parts' = 'fresh') => {
    const query = input.value;
    const started = performance.now();
    root.dataset.searchState = 'searching';
    if (step === 'fresh') limit = PAGE_LIMIT;
    else if (step === 'results') limit += PAGE_LIMIT;
    showNext = undefined;
    if (next) next.disabled = true;
    const url = new URL(location.href);
    url.search = '';
    if (query) url.searchParams.set('q', query);
    for (const [name, values] of Object.entries(chosen))
      for (const value of values) url.searchParams.append(name, value);
    if (sortSelect?.value === 'date') url.searchParams.set('sort', 'date');
    history.replaceState(null, '', url);
    // The 繁體/简体 link leads to this search in the other script.
    for (const toggle of document.querySelectorAll<HTMLAnchorElement>('a[data-script-toggle]')) {
      const target = new URL(toggle.href, location.href);
      target.search = url.search;
      toggle.href = target.pathname + target.search;
    }
    if (!query.trim()) {
      list.replaceChildren();
      if (next) next.hidden = true;
      filterBox.replaceChildren();
      filterBox.hidden = true;
      status.textContent = '';
      root.dataset.searchFor = query;
      root.dataset.searchState = 'done';
      return;
    }
    void run(
      async (signal) => {
        const outcome = await engine.search(query, {
          filters: chosen,
          sort: sortSelect?.value === 'date' ? 'date' : 'relevance',
          limit,
          counts: true,
          signal,
          more: step === 'parts',
        });
        return { outcome, convert: await scriptConverter() };
      },
      ({ outcome, convert }) => {
        list.replaceChildren(...outcome.hits.map((hit) => renderHit(hit, convert)));
        renderFilters(filterBox, outcome, chosen, convert, () => update());
        const shown = `${outcome.total > outcome.hits.length ? `，显示前 ${outcome.hits.length} 条` : ''}`;
        // Older parts of the index not searched yet: with a full page of results they wait for the
        // reader (the button, or scrolling to it); with fewer, they are searched at once.
        const partial = outcome.remaining > 0;
        const moreResults = outcome.total > outcome.hits.length;
        const since = partial
          ? outcome.unsearched
            ? `（${outcome.unsearched} 年度及以前的内容尚未全部检索）`
            : '（较早的内容尚未全部检索）'
          : '';
        if (next) {
          next.hidden = !moreResults && !partial;
          next.disabled = false;
          next.textContent = convert(moreResults ? '显示更多结果' : '检索更早年度');
        }
        showNext = moreResults ? () => update('results') : partial ? () => update('parts') : undefined;
        status.textContent =
          convert(
            noSuchPerson(outcome)
              ? outcome.total === 0
                ? `${noSuchPersonText(query)}。请检查姓名是否完整。`
                : `${noSuchPersonText(query)}。以下 ${outcome.total} 条结果只含其中部分字词${shown}。`
              : outcome.total === 0
                ? `没有找到与“${query}”相关的结果。请检查姓名或单位名称是否完整。`
                : outcome.loose
                  ? `没有找到同时包含“${query}”全部字词的结果。以下 ${outcome.total} 条结果只含其中部分字词${shown}。`
                  : `找到 ${outcome.total} 条结果${shown}`,
          ) + convert(since);
        root.dataset.searchFor = query;
        root.dataset.searchMs = String(Math.round(performance.now() - started));
        root.dataset.searchParts = partial ? 'partial' : 'all';
        if (partial && (outcome.hits.length < limit || outcome.loose)) {
          update('parts');
          return;
        }
        root.dataset.searchState = 'done';
      },
      (error) => {
        console.error(error);
        list.replaceChildren();
        status.textContent = UNAVAILABLE;
        root.dataset.searchFor = query;
        root.dataset.searchState = 'error';
      },
    );
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
  onQueryInput(input, () => update());
  sortSelect?.addEventListener('change', () => update());
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' || keyComposes(event)) return;
    const first = list.querySelector<HTMLAnchorElement>('a');
    if (first) {
      event.preventDefault();
      first.focus();
    }
  });
  list.addEventListener('keydown', (event) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown' && at < links.length - 1) links[at + 1]!.focus();
    else if (event.key === 'ArrowUp') (at > 0 ? links[at - 1]! : input).focus();
    else if (event.key === 'Escape') input.focus();
    else return;
    event.preventDefault();
  });

  if (input.value) update();
  else engine.warm();
}

function renderFilters(
  box: HTMLElement,
  outcome: SearchOutcome,
  chosen: SelectedFilters,
  convert: Convert,
  onChange: () => void,
): void {
  const groups: HTMLFieldSetElement[] = [];
  for (const [name, label] of Object.entries(FILTER_LABELS)) {
    const counts = outcome.filters[name] ?? {};
    const values = Object.entries(counts).filter(([value, count]) => count > 0 || chosen[name]?.includes(value));
    if (values.length === 0) continue;
    values.sort(([a, x], [b, y]) => (name === 'year' ? Number(b) - Number(a) : y - x || a.localeCompare(b, 'zh-CN')));
    const fieldset = document.createElement('fieldset');
    fieldset.dataset.filter = name;
    const legend = document.createElement('legend');
    legend.textContent = convert(label);
    fieldset.append(legend);
    for (const [value, count] of values) {
      const checkbox = document.createElement('input');
      checkbox.type = 'checkbox';
      checkbox.name = name;
      checkbox.value = value;
      checkbox.checked = chosen[name]?.includes(value) ?? false;
      checkbox.addEventListener('change', () => {
        const current = new Set(chosen[name] ?? []);
        if (checkbox.checked) current.add(value);
        else current.delete(value);
        if (current.size > 0) chosen[name] = [...current];
        else delete chosen[name];
        onChange();
      });
      const text = document.createElement('span');
      text.textContent = convert(name === 'kind' ? (KIND_LABELS[value as PageKind] ?? value) : value);
      const number = document.createElement('span');
      number.className = 'search-count';
      number.dataset.count = String(count);
      number.textContent = `（${count}）`;
      const labelElement = document.createElement('label');
      labelElement.append(checkbox, ' ', text, number);
      fieldset.append(labelElement);
    }
    groups.push(fieldset);
  }
  // Keep focus on the checkbox just toggled across the re-render.
  const focused = document.activeElement as HTMLInputElement | null;
  const focusKey = focused && box.contains(focused) ? `${focused.name}\u0000${focused.value}` : null;
  box.replaceChildren(...groups);
  box.hidden = groups.length === 0;
  if (focusKey) {
    const [name, value] = focusKey.split('\u0000');
    [...box.querySelectorAll<HTMLInputElement>('input')].find((i) => i.name === name && i.value === value)?.focus();
  }
}

/* ------------------------------------------------------------------ the header box */

/**
 * The header box: results as you type in a list under the input. ArrowDown/ArrowUp move through
 * them, Enter opens the chosen one (or the search page when none is chosen), Escape closes.
 */
export function attachSearchBox(form: HTMLFormElement): void {
  if (form.dataset.searchAttached) return;
  form.dataset.searchAttached = 'true';
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const popup = form.querySelector<HTMLElement>('[data-search-popup]')!;
  const list = popup.querySelector<HTMLElement>('[data-search-results]')!;
  const more = popup.querySelector<HTMLAnchorElement>('[data-search-more]');
  const noteBox = popup.querySelector<HTMLElement>('[data-search-note]');
  const run = latestOnly();
  let active = -1;

  const options = () => [...list.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
  /** Chooses option `index`, wrapping round at either end; -1 chooses none (nothing highlighted). */
  const setActive = (index: number) => {
    const all = options();
    active = all.length === 0 || index === -1 ? -1 : (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) input.setAttribute('aria-activedescendant', all[active]!.id);
    else input.removeAttribute('aria-activedescendant');
  };
  const open = (show: boolean) => {
    popup.hidden = !show;
    input.setAttribute('aria-expanded', String(show));
    if (!show) setActive(-1);
  };
  const searchPage = (query: string) =>
    withBase(`${isTraditional() ? TRADITIONAL_PREFIX : ''}/search/?q=${encodeURIComponent(query)}`);

  const update = () => {
    const query = input.value;
    const started = performance.now();
    form.dataset.searchState = 'searching';
    if (!query.trim()) {
      list.replaceChildren();
      open(false);
      form.dataset.searchFor = query;
      form.dataset.searchState = 'done';
      return;
    }
    void run(
      async (signal) => {
        const options = { limit: BOX_LIMIT, fullText: 'unless-named', signal } as const;
        let outcome = await engine.search(query, options);
        // Too few results from the newest parts of the index: older parts are searched too.
        while (outcome.remaining > 0 && outcome.hits.length < BOX_LIMIT)
          outcome = await engine.search(query, { ...options, more: true });
        return { outcome, convert: await scriptConverter() };
      },
      ({ outcome, convert }) => {
        list.replaceChildren(...outcome.hits.map((hit, i) => renderHit(hit, convert, `${input.id}-option-${i}`)));
        const note = noSuchPerson(outcome)
          ? `${noSuchPersonText(query)}${outcome.hits.length > 0 ? '，以下结果只含其中部分字词' : ''}`
          : outcome.hits.length === 0
            ? '没有找到结果'
            : '';
        // Said before the options, outside the listbox (which holds options only).
        if (noteBox) {
          noteBox.textContent = convert(note);
          noteBox.hidden = !note;
        }
        if (more) {
          more.href = searchPage(query);
          // A number only when it is the search page's: when the names index answered alone, the
          // full text (which the search page also searches) was not counted.
          more.textContent = convert(
            outcome.total === 0 && outcome.complete
              ? '打开搜索页'
              : outcome.complete && outcome.remaining === 0
                ? `查看全部 ${outcome.total} 条结果`
                : '在搜索页查看全部结果',
          );
        }
        setActive(-1);
        open(true);
        form.dataset.searchFor = query;
        form.dataset.searchMs = String(Math.round(performance.now() - started));
        form.dataset.searchState = 'done';
      },
      (error) => {
        console.error(error);
        list.replaceChildren();
        if (noteBox) {
          noteBox.textContent = UNAVAILABLE;
          noteBox.hidden = false;
        }
        open(true);
        form.dataset.searchFor = query;
        form.dataset.searchState = 'error';
      },
    );
  };

  onQueryInput(input, update);
  input.addEventListener('keydown', (event) => {
    // Arrows and Enter belong to the input method's candidate list while it composes.
    if (keyComposes(event)) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (popup.hidden) return;
      event.preventDefault();
      // From no choice, ArrowDown chooses the first option and ArrowUp the last.
      const count = options().length;
      setActive(
        active === -1 ? (event.key === 'ArrowDown' ? 0 : count - 1) : active + (event.key === 'ArrowDown' ? 1 : -1),
      );
    } else if (event.key === 'Escape') {
      if (!popup.hidden) {
        event.preventDefault();
        open(false);
      }
    } else if (event.key === 'Enter' && active >= 0) {
      // Only an option the reader chose with the arrows opens; Enter without one submits the form
      // to the search page, whose first result is the best.
      event.preventDefault();
      const link = options()[active];
      if (link) location.href = link.href;
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.href = searchPage(input.value);
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) open(false);
  });
  input.addEventListener('focus', () => {
    if (list.children.length > 0 && input.value.trim()) open(true);
  });

  // Not Pagefind's script (13 KB): most quick searches are names, which the names index answers alone.
  engine.warm({ script: false });
  // A value typed or restored before the UI loaded; mid-composition, compositionend searches it.
  if (input.value && !isComposing(input)) update();
}
