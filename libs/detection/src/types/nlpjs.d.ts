/** The little of NLP.js (which ships no types) that the detector and its classifier comparison use. */
declare module '@nlpjs/neural' {
  export class NeuralNetwork {
    constructor(settings?: { log?: boolean });
    train(corpus: { input: Record<string, number>; output: Record<string, number> }[]): unknown;
    run(input: Record<string, number>): Record<string, number> | undefined;
  }
}
declare module '@nlpjs/basic' {
  export interface NlpContainer {
    use(plugin: unknown): void;
    get(name: string): unknown;
    registerConfiguration(tag: string, configuration: Record<string, unknown>, overwrite: boolean): void;
  }
  export function containerBootstrap(): Promise<NlpContainer>;
  export const Nlp: unknown;
  export const LangEn: unknown;
}
declare module '@nlpjs/lang-en' {
  export class StemmerEn {
    tokenizeAndStem(text: string, keepStops?: boolean): string[];
  }
}
declare module '@nlpjs/lang-es' {
  export const LangEs: unknown;
  export class StemmerEs {
    tokenizeAndStem(text: string, keepStops?: boolean): string[];
  }
}
declare module '@nlpjs/lang-pt' {
  export const LangPt: unknown;
  export class StemmerPt {
    tokenizeAndStem(text: string, keepStops?: boolean): string[];
  }
}
