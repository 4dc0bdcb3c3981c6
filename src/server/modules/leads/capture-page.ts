import type { Lang } from '../../plugins/error-messages.js';

// The hosted lead form: plain HTML, no script, so it works embedded in any website (iframe) or
// linked. The "url" field is a honeypot hidden from people.

const text = {
  en: {
    title: 'Get in touch',
    name: 'Your name',
    email: 'Email',
    phone: 'Phone',
    company: 'Company',
    ask: 'How can we help?',
    send: 'Send',
    thanks: 'Thank you! We will get back to you soon.',
  },
  vi: {
    title: 'Liên hệ với chúng tôi',
    name: 'Họ tên',
    email: 'Email',
    phone: 'Số điện thoại',
    company: 'Công ty',
    ask: 'Chúng tôi có thể giúp gì cho bạn?',
    send: 'Gửi',
    thanks: 'Cảm ơn bạn! Chúng tôi sẽ liên hệ lại sớm.',
  },
};

const page = (lang: Lang, title: string, body: string) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
label{display:block;margin-top:.75rem;font-weight:600}input,textarea{width:100%;padding:.5rem;box-sizing:border-box;font:inherit}
button{margin-top:1rem;padding:.5rem 1.25rem;font:inherit}.hp{position:absolute;left:-10000px}</style></head>
<body>${body}</body></html>`;

export function captureForm(formId: string, lang: Lang): string {
  const t = text[lang];
  return page(
    lang,
    t.title,
    `<h1>${t.title}</h1>
<form method="post" action="/capture/${encodeURIComponent(formId)}">
<label for="name">${t.name}</label><input id="name" name="name" required maxlength="200" autocomplete="name">
<label for="email">${t.email}</label><input id="email" name="email" type="email" maxlength="254" autocomplete="email">
<label for="phone">${t.phone}</label><input id="phone" name="phone" maxlength="40" autocomplete="tel">
<label for="company">${t.company}</label><input id="company" name="company" maxlength="200" autocomplete="organization">
<label for="message">${t.ask}</label><textarea id="message" name="message" rows="4" maxlength="5000"></textarea>
<div class="hp" aria-hidden="true"><input name="url" tabindex="-1" autocomplete="off"></div>
<button type="submit">${t.send}</button>
</form>`,
  );
}

export function thanksPage(lang: Lang): string {
  return page(lang, text[lang].title, `<p>${text[lang].thanks}</p>`);
}
