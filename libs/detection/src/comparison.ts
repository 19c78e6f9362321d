/** The rules-against-classifiers measurement (tools/bench runs it: `npm run bench -- --suites=detection`). */
export { compareClassifiers } from './comparison/classifier-comparison';
