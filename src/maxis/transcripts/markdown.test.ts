import { describe, expect, it } from "vitest";
import { discordMarkdownToHtml } from "./markdown";

const ctx = {
  userName: (id: string) => (id === "42" ? "Alex <Admin>" : null),
  time: (seconds: number) => new Date(seconds * 1000).toISOString(),
};
const md = (text: string) => discordMarkdownToHtml(text, ctx);

describe("Discord Markdown as HTML", () => {
  it("escapes every tag and attribute a member could type", () => {
    expect(md(`<script>alert("x")</script>`)).toBe(
      "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>",
    );
    expect(md(`<img src=x onerror='alert(1)'>`)).toBe("<p>&lt;img src=x onerror=&#39;alert(1)&#39;&gt;</p>");
    expect(md("**<b>bold</b>**")).toBe("<p><strong>&lt;b&gt;bold&lt;/b&gt;</strong></p>");
  });

  it("links only http(s) URLs, quoted and escaped, and never javascript: or data:", () => {
    expect(md("[docs](https://example.com/a_b*c*?x=1&y=2)")).toBe(
      '<p><a href="https://example.com/a_b*c*?x=1&amp;y=2" rel="noopener noreferrer nofollow" target="_blank">docs</a></p>',
    );
    expect(md("[x](javascript:alert(1))")).toBe("<p>[x](javascript:alert(1))</p>");
    expect(md('https://e.com/"onmouseover="alert(1)')).not.toMatch(/href="[^"]*"onmouseover/);
    expect(md("see https://example.com/path_with_underscores_ here")).toContain(
      'href="https://example.com/path_with_underscores_"',
    );
    expect(md("data:text/html,<script>")).toBe("<p>data:text/html,&lt;script&gt;</p>");
  });

  it("renders Discord's inline formatting, nested, and leaves code alone", () => {
    expect(md("**bold** *it* _it_ __under__ ~~gone~~ ||secret||")).toBe(
      '<p><strong>bold</strong> <em>it</em> <em>it</em> <u>under</u> <s>gone</s> <span class="spoiler">secret</span></p>',
    );
    expect(md("***both***")).toBe("<p><strong><em>both</em></strong></p>");
    expect(md("`**not bold** <b>`")).toBe("<p><code>**not bold** &lt;b&gt;</code></p>");
    expect(md("```js\nconst a = '<b>';\n**x**\n```")).toBe(
      "<pre><code>const a = &#39;&lt;b&gt;&#39;;\n**x**\n</code></pre>",
    );
    expect(md("\\*not italic\\*")).toBe("<p>*not italic*</p>");
    expect(md("snake_case_name and 2*3*4")).toBe("<p>snake_case_name and 2*3*4</p>");
  });

  it("renders quotes, headings, subtext, lists and line breaks", () => {
    expect(md("> quoted\n> twice\nafter")).toBe("<blockquote>quoted<br>twice</blockquote><p>after</p>");
    expect(md(">>> all\nthe rest")).toBe("<blockquote><p>all<br>the rest</p></blockquote>");
    expect(md("# Title\n-# small\n- one\n- two")).toBe(
      '<h3>Title</h3><p class="subtext">small</p><ul><li>one</li><li>two</li></ul>',
    );
    expect(md("line one\nline two")).toBe("<p>line one<br>line two</p>");
  });

  it("shows mentions by name (escaped), timestamps for the reader, custom emoji by name", () => {
    expect(md("hi <@42> and <@!7>")).toBe(
      '<p>hi <span class="mention">@Alex &lt;Admin&gt;</span> and <span class="mention">@unknown</span></p>',
    );
    expect(md("<t:0:R> <:party:123>")).toBe("<p><time>1970-01-01T00:00:00.000Z</time> :party:</p>");
    expect(md("<@&9> <#8>")).toBe(
      '<p><span class="mention">@role</span> <span class="mention">#channel</span></p>',
    );
  });

  it("cannot be tricked by the characters it uses internally", () => {
    expect(md("\uE0000\uE001<b>")).toBe("<p>0&lt;b&gt;</p>");
  });
});
