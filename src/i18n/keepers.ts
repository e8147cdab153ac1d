/**
 * Strings of who may export and erase a person's data (record keepers: named in Trail Settings, else
 * the site's owners) and of a project's owner, spread into messages.ts. English is the reference; Finnish has the same keys.
 */
export const en = {
  'owner.change': 'Change owner',
  'owner.keep': 'Keep owner',
  'owner.find': 'Search people for the new owner',
  'owner.choose': 'Make {name} the owner',
  'owner.none': 'not named',
  'keepers.asking': 'Checking whether you keep the record…',
  'keepers.siteOwner': 'No record keepers are named in Trail Settings, so the owners of the record’s SharePoint site keep it. You are one of them.',
  'keepers.notNamed':
    'Only the record keepers named in Trail Settings can export or erase a person’s data, and you are not one of them. An administrator names them there: ask one to add you, or pass this request to a record keeper.',
  'keepers.notOwner':
    'Only record keepers can export or erase a person’s data. None are named in Trail Settings, so they are the owners of the record’s SharePoint site, and Trail could not confirm that you are one. An administrator names record keepers in Trail Settings: ask one to add you, or pass this request to the site’s owner.',
};

export const fi: typeof en = {
  'owner.change': 'Vaihda vastuuhenkilö',
  'owner.keep': 'Älä vaihda',
  'owner.find': 'Hae uusi vastuuhenkilö',
  'owner.choose': 'Valitse vastuuhenkilöksi {name}',
  'owner.none': 'ei nimetty',
  'keepers.asking': 'Tarkistetaan, oletko rekisterin ylläpitäjä…',
  'keepers.siteOwner': 'Trail Settingsissä ei ole nimetty rekisterin ylläpitäjiä, joten rekisteriä ylläpitävät sen SharePoint-sivuston omistajat. Olet yksi heistä.',
  'keepers.notNamed':
    'Henkilön tiedot voivat viedä tai poistaa vain Trail Settingsissä nimetyt rekisterin ylläpitäjät, etkä ole yksi heistä. Ylläpitäjät nimeää pääkäyttäjä: pyydä häntä lisäämään sinut tai välitä pyyntö rekisterin ylläpitäjälle.',
  'keepers.notOwner':
    'Henkilön tiedot voivat viedä tai poistaa vain rekisterin ylläpitäjät. Trail Settingsissä ei ole nimetty ketään, joten ylläpitäjiä ovat rekisterin SharePoint-sivuston omistajat, eikä Trail voinut varmistaa, että olet yksi heistä. Pääkäyttäjä nimeää ylläpitäjät Trail Settingsissä: pyydä häntä lisäämään sinut tai välitä pyyntö sivuston omistajalle.',
};
