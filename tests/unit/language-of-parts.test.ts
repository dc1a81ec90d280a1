import { describe, expect, it } from 'vitest';
import { markJapanese } from '../../src/web/language-of-parts.ts';

describe('language of parts on an English page (issue 14, WCAG 3.1.2): markJapanese', () => {
  it('wraps each run of Japanese text in <span lang="ja">, English around it untouched', () => {
    expect(markJapanese('<p>MyPage of 山田 太郎</p>')).toBe(
      '<p>MyPage of <span lang="ja">山田</span> <span lang="ja">太郎</span></p>',
    );
    expect(markJapanese('<dd>Tokyo 千代田区霞が関1-2-2</dd>')).toBe(
      '<dd>Tokyo <span lang="ja">千代田区霞が関</span>1-2-2</dd>',
    );
    expect(markJapanese('<dd>土日祝 (120 days a year)</dd>')).toBe(
      '<dd><span lang="ja">土日祝</span> (120 days a year)</dd>',
    );
  });

  it('keeps Japanese punctuation, digits and hyphens inside a run, and half-width kana', () => {
    expect(markJapanese('<p>介護職員（特別養護老人ホーム）、１日4件</p>')).toBe(
      '<p><span lang="ja">介護職員（特別養護老人ホーム）、１日4件</span></p>',
    );
    expect(markJapanese('<p>ｼﾌﾄ制（週休２日）</p>')).toBe('<p><span lang="ja">ｼﾌﾄ制（週休２日）</span></p>');
  });

  it('leaves attributes, text-only elements and what is already marked Japanese alone', () => {
    const html =
      '<head><title>介護 – Jobs</title></head><a href="/x" title="介護" lang="ja" hreflang="ja">日本語 <b>です</b></a>' +
      '<select><option>東京都</option></select><textarea>自己PR</textarea><script>"介護"</script><input value="介護">';
    expect(markJapanese(html)).toBe(html);
  });

  it('marks again after a marked element or a void element ends', () => {
    expect(markJapanese('<span lang="ja">日本語</span><br><p>介護</p>')).toBe(
      '<span lang="ja">日本語</span><br><p><span lang="ja">介護</span></p>',
    );
    expect(markJapanese('<div lang="ja"><div>入れ子</div>まだ</div>後')).toBe(
      '<div lang="ja"><div>入れ子</div>まだ</div><span lang="ja">後</span>',
    );
  });

  it('does not treat the middle dot or punctuation alone as Japanese text', () => {
    expect(markJapanese('<p>Employment・Health</p>')).toBe('<p>Employment・Health</p>');
    expect(markJapanese('<p>English only.</p>')).toBe('<p>English only.</p>');
  });
});
