/** The diagram's model now lives in the core (src/view); the app moves to frames of a Run. */
export * from '../../src/view/view.ts';
export { ColourBook, PALETTE } from '../../src/view/colours.ts';
