/**
 * Mail domains anyone can get an address at. A sender at one of these tells us nothing about their
 * organisation, so Trail never matches or creates an organisation by them. Admins extend the list
 * per organisation (settings); this is the maintained default.
 */
export const PUBLIC_MAIL_DOMAINS: readonly string[] = [
  // International
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.fi', 'hotmail.co.uk', 'live.com', 'live.fi',
  'msn.com', 'yahoo.com', 'yahoo.co.uk', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'gmx.com',
  'gmx.net', 'gmx.de', 'web.de', 'mail.com', 'protonmail.com', 'proton.me', 'pm.me', 'tutanota.com', 'tuta.io',
  'zoho.com', 'yandex.com', 'mail.ru', 'fastmail.com', 'hey.com',
  // Finland
  'luukku.com', 'suomi24.fi', 'kolumbus.fi', 'elisanet.fi', 'saunalahti.fi', 'welho.com', 'netti.fi', 'pp.inet.fi',
  'pp1.inet.fi', 'dnainternet.net', 'anvianet.fi', 'surffi.fi', 'nic.fi', 'phnet.fi', 'jippii.fi', 'mbnet.fi',
  // Nordic neighbours
  'telia.com', 'spray.se', 'online.no', 'jubii.dk',
];
