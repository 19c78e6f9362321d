import type { Lexicon } from './lexicon.types';

/** Brazilian Portuguese, as leads text it: "tô", "vc", "amanha", "n", "blz", no accents. */
// prettier-ignore
export const LEXICON_PT: Lexicon = {
  aliases: {
    to: 'estou', tou: 'estou',
    tô: 'estou',
    ta: 'esta', tava: 'estava', tamo: 'estamos', tamos: 'estamos', vc: 'voce', vcs: 'voces', voce: 'voce', tb: 'tambem', tbm: 'tambem',
    n: 'nao', nn: 'nao', naum: 'nao', q: 'que', pq: 'porque', hj: 'hoje', amn: 'amanha', amnh: 'amanha', amanh: 'amanha', manha: 'manha',
    dps: 'depois', dpois: 'depois', dpss: 'depois', msg: 'mensagem', obg: 'obrigado', obgd: 'obrigado', obgda: 'obrigada',
    brigado: 'obrigado', brigada: 'obrigada', vlw: 'valeu', blz: 'beleza', agr: 'agora', hr: 'hora', hrs: 'horas', min: 'minutos',
    mins: 'minutos', mto: 'muito', cmg: 'comigo', td: 'tudo', fds: 'fds', pfv: 'por favor', pfvr: 'por favor', pf: 'por favor',
    flw: 'falou', vdd: 'verdade', tmj: 'tamo junto', sdds: 'saudades', qdo: 'quando', qnd: 'quando', qd: 'quando', cel: 'celular',
    zap: 'whatsapp', wpp: 'whatsapp', whats: 'whatsapp', tchauu: 'tchau', xau: 'tchau', bjs: 'beijos', bj: 'beijo', abs: 'abracos',
    vo: 'vou', ce: 'voce', oq: 'o que', neh: 'ne',
  },
  typoWords: [
    'amanha', 'ocupado', 'ocupada', 'dirigindo', 'trabalhando', 'reuniao', 'interesse', 'interessado', 'interessada', 'obrigado',
    'obrigada', 'segunda', 'terca', 'quarta', 'quinta', 'sexta', 'sabado', 'domingo', 'semana', 'proxima', 'depois', 'minutos', 'horas',
    'atendente', 'pessoa', 'errado', 'numero', 'tarde', 'noite', 'tchau', 'agora', 'daqui', 'falar', 'ligar', 'mensagem', 'mensagens',
    'momento', 'humano', 'correria', 'trabalho', 'consultor', 'vendedor', 'interessa',
  ],
  notInterested: {
    strong: [
      'nao tenho (?:mais )?interesse', 'sem interesse', 'nao (?:estou|tenho) interessad[oa]', 'nao me interess(?:a|ou)', 'nao interessa',
      'nao quero', 'nao preciso', 'nao obrigad[oa]', 'obrigad[oa] mas nao',
      'ja (?:comprei|tenho|fechei|resolvi|consegui|contratei|achei)', 'ja fechei com',
      'par(?:a|e|em) de (?:me )?(?:mandar|ligar|enviar|escrever|encher|chamar|perturbar)',
      'nao me (?:mande|manda|mandem|ligue|liga|liguem|chame|chamem|procure|procurem|perturbe|perturbem|encha|enche|incomode|incomodem)',
      'me (?:tira|tirem|tire) (?:da|dessa|desta) lista', 'me remov(?:e|a|am)', 'remov(?:e|a|er) meu numero', 'numero errado',
      'foi engano', 'engano', 'nao sou (?:eu|essa pessoa|a pessoa)', 'nao conheco', 'sai fora', 'descadastr', 'me deixa em paz',
      'desisti', 'nao e pra mim', 'nao e para mim', 'deixa pra la', 'nao rola', 'spam', 'mudei de ideia', 'nao vou querer',
    ],
    alone: [
      'nao', 'nope', 'nem', 'de jeito nenhum', 'acho que nao', 'stop', 'pare', 'para', 'chega', 'emoji_no', 'nunca', 'nao valeu',
      'nao por enquanto',
    ],
  },
  wantsHuman: {
    strong: [
      'falar com (?:um |uma |o |a |algum |alguma |seu |sua )?(?:atendente|pessoa|humano|vendedor|vendedora|consultor|consultora|corretor|corretora|gerente|responsavel|alguem|representante|pessoa real|dono|dona|supervisor)',
      'pessoa de verdade', 'pessoa real', 'atendente humano', 'atendimento humano',
      '(?:voce|vc|ce) e (?:um |uma )?(?:robo|bot|maquina|ia)', 'e (?:um )?(?:robo|bot)',
      '(?:estou|to) falando com (?:um |uma )?(?:robo|bot|maquina|pessoa)', 'me passa (?:pra|para|pro) (?:alguem|um|uma|o|a)',
      'me transfere', 'quero (?:um|uma|falar com um|falar com uma) (?:atendente|pessoa|humano|vendedor|consultor)',
      'alguem (?:pode )?me ligar', 'um atendente', 'uma atendente', 'um humano', 'emoji_bot', 'mensagem automatica',
      'resposta automatica', 'nao quero falar com (?:robo|bot|maquina)',
    ],
    weak: [
      'me liga', 'pode me ligar', 'me ligue', 'liga pra mim', 'me chama no whatsapp', 'ligacao', 'seu numero', 'seu telefone',
      'telefone de voces', 'emoji_phone', 'prefiro (?:uma ligacao|falar|que me liguem)', 'me liguem',
    ],
  },
  busy: {
    strong: [
      'ocupad[oa]s?', 'corrido', 'correria', 'dirigindo', 'no transito', 'em (?:uma )?(?:reuniao|aula|atendimento|ligacao)',
      'numa reuniao', 'no trabalho', 'trabalhando', 'no trampo', 'trampando', 'nao (?:posso|consigo) (?:falar|atender|responder|agora)',
      'nao da (?:pra falar|agora)', 'agora nao', 'nao e (?:um )?bom momento', 'nao e uma boa hora',
      'depois (?:te|a gente|eu)? ?(?:falo|falamos|chamo|respondo|ligo|retorno|vejo|mando|conversamos)',
      '(?:te|lhe) (?:chamo|falo|respondo|ligo|retorno|aviso|mando) (?:depois|mais tarde|ja|daqui a pouco|mais tardinho)', 'mais tarde',
      'daqui a pouco', 'daqui pouco', 'ja ja', 'outro dia', 'outra hora', 'um momento', 'um minuto', 'so um minuto', 'um segundo',
      'aguarde', 'pera ai', 'espera ai', 'no medico', 'no hospital', 'viajando', 'de viagem', 'dormindo', 'almocando', 'jantando',
      'quando (?:eu )?puder', 'quando (?:eu )?tiver tempo', 'sem tempo', 'nao tenho tempo', 'te aviso', 'vou ver', 'vou pensar',
      'deixa eu (?:ver|pensar)', 'depois', 'emoji_driving', 'emoji_sleep', 'emoji_running', 'na rua', 'na estrada', 'no onibus',
      'no carro', 'na correria', 'ja volto', 'volto (?:ja|logo)', 'nao posso (?:amanha|hoje)', '(?:amanha|hoje) nao (?:posso|da)', 'to saindo', 'estou saindo',
    ],
  },
  goodbye: {
    strong: [
      'tchau', 'tchauzinho', 'adeus', 'ate mais', 'ate logo', 'ate a proxima', 'ate breve', 'falou', 'abraco', 'abracos', 'beijo',
      'beijos', 'bom descanso', 'tenha um (?:bom|otimo|excelente) (?:dia|fim de semana|final de semana)',
      'bo[ma] (?:fim|final) de semana', '(?:otimo|excelente) (?:fim|final) de semana', 'se cuida', 'fica com deus', 'fique com deus',
      'obrigad[oa] pela (?:ajuda|atencao)', 'era so isso', 'e so isso', 'so isso', 'emoji_wave', 'bye', 'bom final de semana',
      'ate mais ver',
    ],
    alone: ['fui', 'boa noite', 'otima noite', 'boa semana'],
  },
  notBusy: [
    'nao (?:estou|estamos|to) (?:mais |tao |muito )?ocupad[oa]s?', '(?:ja )?(?:estou|to) livre', 'ja desocupei',
    'agora (?:estou|to) livre', '(?:estava|tava|estive|fiquei) (?:muito )?(?:ocupad[oa]|dirigindo|trabalhando|em reuniao|no trabalho)',
    'ja estou disponivel',
  ],
  contact: [
    'lig', 'cham', 'fal', 'convers', 'mand', 'escrev', 'contat', 'procur', 'retorn', 'lembra', 'tenta', 'livre', 'disponivel', 'posso',
    'podemos', 'melhor', 'prefiro', 'pode ser', 'fica bom', 'beleza', 'combinado', 'ver', 'vemos', 'mensagem', 'whatsapp',
  ],
  nonRequest: [
    'consulta', 'agendamento', 'abre', 'abrem', 'fecha', 'fecham', 'horario de', 'entrega', 'chega', 'envio', 'vence', 'valida',
    'promocao', 'oferta', 'aniversario', 'festa', 'voo', 'jogo', 'foi', 'fui ai', 'estive', 'fiz', 'tive',
  ],
  neutral: ['nao (?:sei|sabia|entendi|entendo|tem problema|se preocupe|esquenta)', 'sem problemas?', 'nem ideia', 'sei la'],
  fillers: [
    'ok', 'obrigado', 'obrigada', 'valeu', 'por favor', 'desculpa', 'desculpe', 'foi mal', 'oi', 'ola', 'sim', 'claro', 'kk', 'k', 'rs',
    'haha', 'entao', 'beleza', 'cara', 'mano', 'amigo', 'amiga', 'senhor', 'senhora', 'moco', 'moca', 'emoji_thanks', 'muito', 'e',
    'mas', 'que', 'olha', 'ah', 'oh', 'hm', 'perfeito', 'otimo', 'bom', 'bem', 'igualmente', 'voce', 'ja', 'bom dia', 'boa tarde', 'ne',
  ],
};
