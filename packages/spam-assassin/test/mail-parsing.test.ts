import { describe, expect, test } from 'vitest';
import { decodeEncodedWords, parseEmail, splitMessage, stripReplyPrefixes } from '../src/index.js';

describe('decodeEncodedWords (RFC 2047)', () => {
  test('decodes Q and B words in their charset and keeps plain text around them', () => {
    expect(decodeEncodedWords('=?iso-8859-1?Q?Sitting_Bull_=FCber_alles?= [Long]')).toBe(
      'Sitting Bull über alles [Long]',
    );
    expect(decodeEncodedWords('make love tonight =?GB2312?B?w8DFrs28xqw=?=')).toBe(
      'make love tonight 美女图片',
    );
    expect(decodeEncodedWords('=?big5?Q?=A4=A3?=')).toBe('不');
  });

  test('joins adjacent encoded words without the white space between them', () => {
    expect(decodeEncodedWords('=?utf-8?B?w6k=?=  \t =?utf-8?Q?=C3=A9?= x =?utf-8?Q?a?=')).toBe(
      'éé x a',
    );
  });

  test('reads ISO-8859-1, US-ASCII and unknown charsets as windows-1252, as mail readers do', () => {
    expect(decodeEncodedWords('=?iso-8859-1?Q?Parhelia=99?=')).toBe('Parhelia™');
    expect(decodeEncodedWords('=?x-unknown?Q?=80_caf=E9?=')).toBe('€ café');
  });

  test('leaves a malformed word as written', () => {
    expect(decodeEncodedWords('=?utf-8?X?abc?= and =?broken')).toBe('=?utf-8?X?abc?= and =?broken');
  });
});

describe('stripReplyPrefixes', () => {
  test.each([
    ['Re: RE: Fwd: lunch?', 'lunch?'],
    ['FW: Re[2]: Re : budget', 'budget'],
    ['[ILUG] Re: Sun Solaris', '[ILUG] Sun Solaris'],
    ['[SAtalk] URL blacklist', '[SAtalk] URL blacklist'],
    ['Lunch Re: plans', 'Lunch Re: plans'],
    ['Fw:', ''],
    ['Regarding the meeting', 'Regarding the meeting'],
    ['[fwd: error exmh 2.5 07/13/2001 ]', '[fwd: error exmh 2.5 07/13/2001 ]'],
  ])('%j gives %j', (subject, expected) => {
    expect(stripReplyPrefixes(subject)).toBe(expected);
  });
});

describe('splitMessage', () => {
  test('skips the mbox From line, unfolds continuation lines and splits at the blank line', () => {
    const { headers, body } = splitMessage(
      'From a@b  Tue Aug  6 11:51:02 2002\nSubject: one\n two\nTo: x\n\nBody\n\nmore',
    );
    expect(headers).toEqual([
      { name: 'subject', value: 'one two' },
      { name: 'to', value: 'x' },
    ]);
    expect(body).toBe('Body\n\nmore');
  });

  test('reads CRLF messages and treats text without headers as all body', () => {
    expect(splitMessage('Subject: hi\r\n\r\nBody\r\n').body).toBe('Body\r\n');
    expect(splitMessage('just words\n\nmore')).toEqual({ headers: [], body: 'just words\n\nmore' });
  });
});

describe('parseEmail', () => {
  test('decodes the subject and a quoted-printable body in its charset', () => {
    const email = parseEmail(
      'Subject: =?utf-8?Q?Caf=C3=A9?=\n  menu\nContent-Type: text/plain; charset="iso-8859-1"\nContent-Transfer-Encoding: quoted-printable\n\nSoft =\nbreak, caf=E9 =3D good.\n',
    );
    expect(email.subject).toBe('Café menu');
    expect(email.body).toBe('Soft break, café = good.');
  });

  test('decodes base64 bodies', () => {
    const text = Buffer.from('Grüße aus Köln', 'utf8').toString('base64');
    const email = parseEmail(
      `Subject: x\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${text}\n`,
    );
    expect(email.body).toBe('Grüße aus Köln');
  });

  test('multipart/alternative shows the plain part, or the next one when the plain part is empty', () => {
    const alt = (plain: string) =>
      [
        'Subject: s',
        'Content-Type: multipart/alternative; boundary="b1"',
        '',
        'preamble',
        '--b1',
        'Content-Type: text/plain',
        '',
        plain,
        '--b1',
        'Content-Type: text/html',
        '',
        '<html><body><p>HTML &amp; text</p><p>two</p></body></html>',
        '--b1--',
        'epilogue',
      ].join('\n');
    expect(parseEmail(alt('Plain words.')).body).toBe('Plain words.');
    expect(parseEmail(alt('')).body).toBe('HTML & text\n\ntwo');
  });

  test('multipart/mixed joins its text parts and skips attachments and images', () => {
    const email = parseEmail(
      [
        'Subject: s',
        'Content-Type: multipart/mixed; boundary=outer',
        '',
        '--outer',
        'Content-Type: text/plain',
        '',
        'First part.',
        '--outer',
        'Content-Type: text/plain',
        'Content-Disposition: attachment; filename="notes.txt"',
        '',
        'Attached notes.',
        '--outer',
        'Content-Type: image/gif',
        'Content-Transfer-Encoding: base64',
        '',
        'R0lGODlhAQABAAAAACw=',
        '--outer',
        'Content-Type: text/plain',
        '',
        'Last part.',
        '--outer--',
      ].join('\n'),
    );
    expect(email.body).toBe('First part.\n\nLast part.');
  });

  test('an HTML body without a Content-Type is reduced to its visible text', () => {
    const email = parseEmail(
      'Subject: s\nContent-Transfer-Encoding: quoted-printable\n\n<html><head><title>T</title><style>p {color: red}</style></head><body>\n<table><tr><td>Rates <b>DROPPED</b>!</td></tr></table><script>var x =3D 1;</script>Call&nbsp;now &#8212; &#x41;</body></html>',
    );
    expect(email.body).toBe('Rates DROPPED!\n\nCall now — A');
  });

  test('a message without a subject has subject undefined; one with only an image has an empty body', () => {
    expect(parseEmail('From: a@b\n\nHello').subject).toBeUndefined();
    expect(
      parseEmail(
        'Subject: s\nContent-Type: text/html\n\n<html><body><img src="x.gif"></body></html>',
      ).body,
    ).toBe('');
  });
});
