import type { UiLanguage } from '../../common/contract';

/** The texts main shows itself (the application menu, its dialogs), in the window's language. */
const nb = {
  file: 'Fil',
  edit: 'Rediger',
  view: 'Vis',
  window: 'Vindu',
  help: 'Hjelp',
  about: 'Om Fjernhjelp Admin',
  hide: 'Skjul Fjernhjelp Admin',
  hideOthers: 'Skjul andre',
  showAll: 'Vis alle',
  quit: 'Avslutt Fjernhjelp Admin',
  closeWindow: 'Lukk vindu',
  undo: 'Angre',
  redo: 'Gjør om',
  cut: 'Klipp ut',
  copy: 'Kopier',
  paste: 'Lim inn',
  selectAll: 'Merk alt',
  reload: 'Last inn på nytt',
  devTools: 'Utviklerverktøy',
  actualSize: 'Faktisk størrelse',
  zoomIn: 'Zoom inn',
  zoomOut: 'Zoom ut',
  fullScreen: 'Fullskjerm',
  minimize: 'Minimer',
  zoom: 'Zoom',
  front: 'Legg alle fremst',
  openLogFolder: 'Åpne loggmappen',
  rendererGoneTitle: 'Vinduet stoppet',
  rendererGoneMessage: 'Vinduet til Fjernhjelp Admin stoppet uventet flere ganger. Dataene dine er lagret.',
  unresponsiveTitle: 'Vinduet svarer ikke',
  unresponsiveMessage: 'Fjernhjelp Admin svarer ikke. Du kan vente eller laste vinduet inn på nytt; dataene dine er lagret.',
  reloadButton: 'Last inn på nytt',
  waitButton: 'Vent',
  quitButton: 'Avslutt',
};

export type MainTexts = Record<keyof typeof nb, string>;

const en: MainTexts = {
  file: 'File',
  edit: 'Edit',
  view: 'View',
  window: 'Window',
  help: 'Help',
  about: 'About Fjernhjelp Admin',
  hide: 'Hide Fjernhjelp Admin',
  hideOthers: 'Hide Others',
  showAll: 'Show All',
  quit: 'Quit Fjernhjelp Admin',
  closeWindow: 'Close Window',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  reload: 'Reload',
  devTools: 'Developer Tools',
  actualSize: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  fullScreen: 'Full Screen',
  minimize: 'Minimize',
  zoom: 'Zoom',
  front: 'Bring All to Front',
  openLogFolder: 'Open Log Folder',
  rendererGoneTitle: 'The window stopped',
  rendererGoneMessage: 'The Fjernhjelp Admin window stopped unexpectedly more than once. Your data is saved.',
  unresponsiveTitle: 'The window is not responding',
  unresponsiveMessage: 'Fjernhjelp Admin is not responding. You can wait or reload the window; your data is saved.',
  reloadButton: 'Reload',
  waitButton: 'Wait',
  quitButton: 'Quit',
};

const texts: Record<UiLanguage, MainTexts> = { nb, en };

export function mainTexts(language: UiLanguage): MainTexts {
  return texts[language];
}
