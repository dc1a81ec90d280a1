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

// <char-count for="field-id" data-template="残り{n}文字" data-over="{n}文字超えています">: live character counter.
class CharCount extends HTMLElement {
  connectedCallback() {
    this.field = document.getElementById(this.getAttribute('for') ?? '');
    this.max = Number(this.dataset.max);
    if (!this.field || !this.max) return;
    this.onInput = () => this.update();
    this.field.addEventListener('input', this.onInput);
    this.setAttribute('aria-live', 'polite');
    this.update();
  }
  disconnectedCallback() {
    this.field?.removeEventListener('input', this.onInput);
  }
  update() {
    const used = [...this.field.value].length;
    const left = this.max - used;
    const over = left < 0;
    this.textContent =
      (over ? this.dataset.over : this.dataset.template)?.replace('{n}', String(Math.abs(left))) ?? '';
    this.classList.toggle('char-count--over', over);
  }
}
customElements.define('char-count', CharCount);
