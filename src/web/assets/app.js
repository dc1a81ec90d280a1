// Progressive enhancement only: every page works without this file.
// Strings come from the HTML (data-* attributes), never from here.

// Move focus to the error summary so screen readers announce it and keyboard users land on it.
const summary = document.querySelector('[data-error-summary]');
if (summary instanceof HTMLElement) summary.focus();

// A second click on a submit button while the first submission is on its way does nothing
// (the server also refuses duplicates; this spares the user a confusing second page).
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  if (form.dataset.submitting === 'true') {
    event.preventDefault();
    return;
  }
  form.dataset.submitting = 'true';
  // Allow resubmission when the page is restored from the back-forward cache.
  window.addEventListener('pageshow', () => delete form.dataset.submitting, { once: true });
});

// <char-count for="field-id" data-max="600" data-template="残り{n}文字" data-over="{n}文字超えています">:
// a live character counter that counts as the server does (NFC, grapheme clusters: ｶﾞ and an emoji
// family count once). It is read with the field (aria-describedby); to spare screen-reader users an
// announcement per keystroke, only crossing the limit is announced (role=status while over).
const graphemes =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('ja', { granularity: 'grapheme' }) : null;
const countChars = (text) => {
  const s = text.normalize('NFC');
  if (!graphemes) return [...s].length;
  let n = 0;
  for (const _ of graphemes.segment(s)) n++;
  return n;
};
class CharCount extends HTMLElement {
  connectedCallback() {
    this.field = document.getElementById(this.getAttribute('for') ?? '');
    this.max = Number(this.dataset.max);
    if (!this.field || !this.max) return;
    if (!this.id) this.id = `${this.field.id}-count`;
    const described = this.field.getAttribute('aria-describedby');
    this.field.setAttribute('aria-describedby', described ? `${described} ${this.id}` : this.id);
    this.onInput = () => this.update();
    this.field.addEventListener('input', this.onInput);
    this.hidden = false;
    this.update();
  }
  disconnectedCallback() {
    this.field?.removeEventListener('input', this.onInput);
  }
  update() {
    const left = this.max - countChars(this.field.value);
    const over = left < 0;
    this.textContent =
      (over ? this.dataset.over : this.dataset.template)?.replace('{n}', String(Math.abs(left))) ?? '';
    this.classList.toggle('char-count--over', over);
    if (over) this.setAttribute('role', 'status');
    else this.removeAttribute('role');
  }
}
customElements.define('char-count', CharCount);

// <upload-rows data-add="ファイルの追加" data-remove="入力欄を削除"> around the apply form's file rows
// ([data-upload-row]): shows the first free row (and any with an error or a choice), a button to add
// the next one, and on each extra row a button that empties and closes it. Without it every row shows.
class UploadRows extends HTMLElement {
  connectedCallback() {
    this.rows = [...this.querySelectorAll('[data-upload-row]')];
    if (this.rows.length < 2 || this.addButton) return;
    this.addButton = this.button(this.dataset.add, () => this.addRow());
    this.append(this.addButton);
    this.rows.forEach((row, i) => {
      const used = row.querySelector('.field--error') || row.querySelector('select')?.value;
      if (i > 0) {
        row.append(this.button(this.dataset.remove, () => this.removeRow(row)));
        if (!used) row.hidden = true;
      }
    });
    this.refresh();
  }
  button(text, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'button button--secondary';
    b.textContent = text ?? '';
    b.addEventListener('click', onClick);
    return b;
  }
  addRow() {
    const next = this.rows.find((r) => r.hidden);
    if (!next) return;
    next.hidden = false;
    next.querySelector('select, input')?.focus();
    this.refresh();
  }
  removeRow(row) {
    for (const input of row.querySelectorAll('input, select')) input.value = '';
    row.hidden = true;
    this.refresh();
    this.addButton.focus();
  }
  refresh() {
    this.addButton.hidden = !this.rows.some((r) => r.hidden);
  }
}
customElements.define('upload-rows', UploadRows);

// <live-updates data-src="/mypage/events" data-cursor="12" data-announce="…"> (ADR 0018): listens to
// the signed-in account's event stream (a seeker's or an employer's) and, when a message arrives, swaps every [data-live-fragment] element
// whose data-live-kinds match (all when empty) for a freshly rendered copy from the server, then
// says data-announce once in its polite status region. Focus never moves: an element that holds
// focus is swapped only after focus has left it. Hooks for tests: data-state (connecting · open ·
// closed), data-last-event-id (last event received) and data-applied (last event shown on the page).
class LiveUpdates extends HTMLElement {
  connectedCallback() {
    if (typeof EventSource !== 'function' || !this.dataset.src) return;
    this.announcer = this.querySelector('[role="status"]');
    this.kinds = new Set();
    this.deferred = new Map();
    this.refreshing = false;
    this.again = false;
    this.onReady = (e) => {
      this.dataset.state = 'open';
      this.dataset.lastEventId = e.lastEventId;
    };
    this.onInbox = (e) => {
      this.dataset.lastEventId = e.lastEventId;
      try {
        this.kinds.add(JSON.parse(e.data).kind);
      } catch {
        return;
      }
      this.latest = e.lastEventId;
      this.refresh();
    };
    this.onEnd = () => this.close();
    this.onError = () => {
      this.dataset.state = this.source?.readyState === EventSource.CLOSED ? 'closed' : 'connecting';
    };
    this.onPageHide = () => this.source?.close();
    this.onPageShow = (e) => {
      if (e.persisted && this.dataset.state !== 'closed') this.open(this.dataset.lastEventId);
    };
    window.addEventListener('pagehide', this.onPageHide);
    window.addEventListener('pageshow', this.onPageShow);
    this.open(this.dataset.cursor);
  }
  disconnectedCallback() {
    this.close();
    window.removeEventListener('pagehide', this.onPageHide);
    window.removeEventListener('pageshow', this.onPageShow);
  }
  open(cursor) {
    this.source?.close();
    const url = new URL(this.dataset.src, window.location.href);
    if (cursor) url.searchParams.set('lastEventId', cursor);
    this.dataset.state = 'connecting';
    this.source = new EventSource(url);
    this.source.addEventListener('ready', this.onReady);
    this.source.addEventListener('inbox', this.onInbox);
    this.source.addEventListener('end', this.onEnd);
    this.source.addEventListener('error', this.onError);
  }
  close() {
    this.source?.close();
    this.source = undefined;
    this.dataset.state = 'closed';
  }
  // Events that arrive while fragments are being fetched are answered by one more round.
  async refresh() {
    if (this.refreshing) {
      this.again = true;
      return;
    }
    this.refreshing = true;
    try {
      do {
        this.again = false;
        const kinds = this.kinds;
        const applied = this.latest;
        this.kinds = new Set();
        const targets = [...document.querySelectorAll('[data-live-fragment]')].filter((el) => {
          const only = el.dataset.liveKinds;
          return !only || only.split(' ').some((k) => kinds.has(k));
        });
        await Promise.all(targets.map((el) => this.replace(el)));
        this.dataset.applied = applied;
        this.announce(kinds);
      } while (this.again);
    } finally {
      this.refreshing = false;
    }
  }
  async replace(el) {
    let html;
    try {
      const res = await fetch(el.dataset.liveFragment, {
        credentials: 'same-origin',
        headers: { Accept: 'text/html' },
      });
      if (!res.ok) return;
      html = await res.text();
    } catch {
      return;
    }
    const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById(el.id);
    const current = document.getElementById(el.id);
    if (!fresh || !current) return;
    if (!current.contains(document.activeElement)) {
      current.replaceWith(document.adoptNode(fresh));
      return;
    }
    // Focus is inside: keep the newest copy and swap it in once focus has left the element.
    const waiting = this.deferred.has(el.id);
    this.deferred.set(el.id, fresh);
    if (waiting) return;
    const onFocusOut = (e) => {
      if (current.contains(e.relatedTarget)) return;
      current.removeEventListener('focusout', onFocusOut);
      const latest = this.deferred.get(el.id);
      this.deferred.delete(el.id);
      if (latest && current.isConnected) current.replaceWith(document.adoptNode(latest));
    };
    current.addEventListener('focusout', onFocusOut);
  }
  // The sentence for the kinds that arrived: data-announce-kinds names one for some kinds (a message
  // from the employer), data-announce is said for the others.
  announce(kinds) {
    if (!this.announcer || !this.dataset.announce) return;
    let sentence = this.dataset.announce;
    try {
      const byKind = JSON.parse(this.dataset.announceKinds || '{}');
      const special = [...kinds].find((k) => typeof byKind[k] === 'string');
      if (special) sentence = byKind[special];
    } catch {
      // a malformed map: the default sentence
    }
    // Emptied first, so the same sentence twice in a row is announced twice.
    this.announcer.textContent = '';
    setTimeout(() => {
      this.announcer.textContent = sentence;
    }, 100);
  }
}
customElements.define('live-updates', LiveUpdates);

// 市区町村 suggestions follow the chosen 都道府県: the page carries those of the prefectures it was
// searched with (none before a prefecture is chosen); choosing another fetches its names.
const municipalities = document.querySelector('datalist[data-source]');
const prefectureSelects = municipalities?.closest('form')?.querySelectorAll('select[name="pref"]') ?? [];
const fillMunicipalities = async () => {
  const query = new URLSearchParams();
  for (const select of prefectureSelects) if (select.value) query.append('pref', select.value);
  try {
    const res = await fetch(`${municipalities.dataset.source}?${query}`, { credentials: 'omit' });
    if (!res.ok) return;
    const { names } = await res.json();
    municipalities.replaceChildren(
      ...names.map((name) => Object.assign(document.createElement('option'), { value: name })),
    );
  } catch {
    // Suggestions only: the box still takes any name typed.
  }
};
for (const select of prefectureSelects) select.addEventListener('change', fillMunicipalities);
