import { checkReply, cleanReply, errorMessage, hasPlaceholder, isRefusal, readCompletion, trimToLength } from './ai-reply';

describe('reading a chat completion', () => {
  const completion = (message: unknown, finish_reason = 'stop') => JSON.stringify({ choices: [{ index: 0, message, finish_reason }] });

  it('takes choices[0].message.content, and says when the model ran out of tokens', () => {
    expect(readCompletion(completion({ role: 'assistant', content: 'Hi Ada!' }))).toEqual({ content: 'Hi Ada!', truncated: false });
    expect(readCompletion(completion({ role: 'assistant', content: 'Hi' }, 'length'))).toEqual({ content: 'Hi', truncated: true });
    expect(
      readCompletion(
        completion({
          content: [
            { type: 'text', text: 'Hi ' },
            { type: 'text', text: 'there' },
          ],
        }),
      ),
    ).toMatchObject({
      content: 'Hi there',
    });
  });

  it('tells a malformed answer from an empty or refused one', () => {
    expect(readCompletion('<html>')).toEqual({ malformed: 'the answer is not JSON' });
    expect(readCompletion('{"choices":[]}')).toEqual({ malformed: 'the answer has no choices[0].message' });
    expect(readCompletion(completion({ content: 42 }))).toEqual({ malformed: 'choices[0].message.content is not text' });
    expect(readCompletion(completion({ content: null }))).toEqual({ rejected: 'the answer is empty' });
    expect(readCompletion(completion({ content: null, refusal: 'I cannot help with that.' }))).toEqual({
      rejected: 'the model refused: I cannot help with that.',
    });
    expect(readCompletion(completion({ content: 'x' }, 'content_filter'))).toMatchObject({
      rejected: expect.stringContaining('content_filter'),
    });
  });

  it("reads the words of an error answer (OpenAI's, Ollama's, vLLM's, text)", () => {
    expect(errorMessage('{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}')).toBe(
      'Rate limit reached',
    );
    expect(errorMessage('{"error":"model \\"llama3\\" not found, try pulling it first"}')).toBe(
      'model "llama3" not found, try pulling it first',
    );
    expect(errorMessage('{"object":"error","message":"The model `x` does not exist."}')).toBe('The model `x` does not exist.');
    expect(errorMessage('<html><body>Bad Gateway</body></html>')).toBe('Bad Gateway');
    expect(errorMessage('x'.repeat(500))).toHaveLength(160);
  });
});

describe('cleaning and checking the reply', () => {
  it('strips quotes, markdown, labels, thinking blocks and extra whitespace', () => {
    expect(cleanReply('  "Hi Ada, still keen?"  ')).toBe('Hi Ada, still keen?');
    expect(cleanReply('“Olá Ana, tudo bem?”')).toBe('Olá Ana, tudo bem?');
    expect(cleanReply('«¡Hola Ana!»')).toBe('¡Hola Ana!');
    expect(cleanReply('```\n"Hi **Ada**,\n\nstill  keen?"\n```')).toBe('Hi Ada, still keen?');
    expect(cleanReply('<think>The lead is busy, so...</think>\nMessage: Hi Ada, _is_ now better?')).toBe('Hi Ada, is now better?');
    expect(cleanReply('"Great" and "thanks"')).toBe('"Great" and "thanks"');
  });

  it('knows refusals in English, Spanish and Portuguese', () => {
    for (const text of [
      "I'm sorry, but I can't help with that.",
      'I’m sorry, but I cannot write that message.',
      'As an AI language model, I do not send messages.',
      'I am unable to assist with this request.',
      'Lo siento, pero no puedo ayudar con eso.',
      'Como IA, no puedo escribir mensajes a clientes.',
      'Desculpe, mas não posso ajudar com isso.',
      'Sinto muito, não consigo escrever essa mensagem.',
    ]) {
      expect([text, isRefusal(text)]).toEqual([text, true]);
    }
    for (const text of [
      'Sorry I missed you, Ada! Is now a better time?',
      "Hi Ada, I can't wait to show you the demo.",
      'Oi Ana, desculpe a demora!',
    ]) {
      expect([text, isRefusal(text)]).toEqual([text, false]);
    }
  });

  it('finds placeholders left to fill in', () => {
    expect(hasPlaceholder('Hi [Your Name], still keen?')).toBe(true);
    expect(hasPlaceholder('Best, [Name]')).toBe(true);
    expect(hasPlaceholder('Hi {{first_name}}!')).toBe(true);
    expect(hasPlaceholder('Hi Ada, see you at 3 [pm]?')).toBe(false);
  });

  it('cuts at a sentence when it keeps at least half, else at a word with an ellipsis', () => {
    const text = 'Hi Ada, just checking in. Would Tuesday work for a call? Let me know what suits you best.';
    expect(trimToLength(text, 200)).toBe(text);
    expect(trimToLength(text, 60)).toBe('Hi Ada, just checking in. Would Tuesday work for a call?');
    expect(trimToLength(text, 40)).toBe('Hi Ada, just checking in.');
    const long = 'Hi Ada, I wanted to follow up about the appointment we discussed last week';
    expect(trimToLength(long, 30)).toBe('Hi Ada, I wanted to follow up…');
    expect(trimToLength(long, 30).length).toBeLessThanOrEqual(30);
    expect(trimToLength('Hello 😀😀😀', 8)).toBe('Hello…');
    expect(trimToLength('Supercalifragilistic', 6)).toBe('Super…');
  });

  it('gives the text, or why it is not a follow-up', () => {
    expect(checkReply('"Hi Ada! Still keen?"', 160)).toEqual({ text: 'Hi Ada! Still keen?' });
    expect(checkReply('  ""  ', 160)).toEqual({ rejected: 'the answer is empty' });
    expect(checkReply("I'm sorry, but I can't help with that.", 160)).toEqual({
      rejected: "the model refused: I'm sorry, but I can't help with that.",
    });
    expect(checkReply('Hi [Name]!', 160)).toMatchObject({ rejected: expect.stringContaining('placeholder') });
    expect(checkReply('Hi Ada. Are you still looking for a new cl', 160, true)).toEqual({ text: 'Hi Ada.' });
    expect(checkReply('Hi Ada, are you still looking', 160, true)).toMatchObject({ rejected: expect.stringContaining('cut off') });
    expect(checkReply('Olá Ana! Ainda tem interesse na consulta de quinta-feira?', 12)).toEqual({ text: 'Olá Ana!' });
    expect(checkReply('Olá Ana! Ainda tem interesse na consulta de quinta-feira?', 20)).toEqual({ text: 'Olá Ana! Ainda tem…' });
  });
});
