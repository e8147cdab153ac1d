import { mailText } from '../../../../src/domain/triage/mailText';

// Book time's event carried "P {margin-top:0;margin-bottom:0;}", a script's code and runs of blank lines.
describe('mailText: the words of a mail, for an event body', () => {
  test('an HTML mail: no style, script, head or comment content; paragraphs and line breaks kept; entities read', () => {
    const html =
      '<html><head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n' +
      '<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>\r\n<title>x</title></head>\r\n' +
      '<body dir="ltr"><!-- [if mso]>hidden<![endif] --><div>Hei,</div><div><br></div><div><br></div><div><br></div><div><br></div>' +
      '<div>voisitko katsoa <b>tämän</b>?<br>Kiitos &amp; terveisin&nbsp;Ronja &lt;ronja@example.fi&gt; &#8211; &#x263A;</div>' +
      '<SCRIPT type="text/javascript">track("open");</SCRIPT><noscript>no script</noscript></body></html>';
    expect(mailText({ contentType: 'html', content: html })).toBe('Hei,\n\nvoisitko katsoa tämän?\nKiitos & terveisin Ronja <ronja@example.fi> – ☺');
  });

  test('a plain-text mail: as written, with runs of blank lines made one and the spaces around each line gone', () => {
    expect(mailText({ contentType: 'text', content: '  Hei,  \r\n\r\n\r\n\r\n\r\nteksti\t\n \n \n\nloppu\n\n' })).toBe('Hei,\n\nteksti\n\nloppu');
  });

  test('an unclosed style or script hides nothing after it but itself; no body is no text', () => {
    expect(mailText({ contentType: 'html', content: '<p>alku</p><style>p{color:red}' })).toBe('alku');
    expect(mailText({ contentType: 'html', content: '<p>alku</p><script>x()' })).toBe('alku');
    expect(mailText(undefined)).toBe('');
    expect(mailText({ contentType: 'html', content: null })).toBe('');
  });
});
