import type { Lexicon } from './lexicon.types';

/** Spanish (Mexico first), as leads text it: "toy", "ahorita", "xfa", no accents. */
// prettier-ignore
export const LEXICON_ES: Lexicon = {
  aliases: {
    toy: 'estoy', tas: 'estas', ta: 'esta', q: 'que', k: 'que', ke: 'que', xq: 'porque', pq: 'porque', porq: 'porque', x: 'por',
    xfa: 'por favor', porfa: 'por favor', porfis: 'por favor', plis: 'por favor', porfavor: 'por favor', tmb: 'tambien', tb: 'tambien',
    d: 'de', hrs: 'horas', hr: 'hora', min: 'minutos', mins: 'minutos', aorita: 'ahorita', orita: 'ahorita', horita: 'ahorita',
    grax: 'gracias', grs: 'gracias', graciass: 'gracias', bno: 'bueno', msj: 'mensaje', mnsj: 'mensaje', ntp: 'no te preocupes',
    pa: 'para', sta: 'esta', stoy: 'estoy', ocupao: 'ocupado', ocupda: 'ocupada',
    mñn: 'manana',
    mna: 'manana', mnn: 'manana', manan: 'manana', mannana: 'manana',
    mañna: 'manana',
    dsps: 'despues', dps: 'despues', despues: 'despues', nel: 'no', nop: 'no', ok: 'ok', oki: 'ok', okis: 'ok', va: 'va', wey: 'wey',
    finde: 'finde', sab: 'sabado', dom: 'domingo', vdd: 'verdad', bye: 'bye', bay: 'bye', bai: 'bye', chao: 'chao', chau: 'chao',
    chaito: 'chao', slds: 'saludos',
  },
  typoWords: [
    'manana', 'ocupado', 'ocupada', 'manejando', 'trabajando', 'reunion', 'interesa', 'interesado', 'interesada', 'gracias', 'lunes',
    'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo', 'semana', 'proxima', 'despues', 'ahorita', 'minutos', 'horas',
    'llamame', 'marcame', 'escribeme', 'hablar', 'persona', 'asesor', 'equivocado', 'numero', 'noche', 'luego', 'adios', 'hasta',
    'conduciendo', 'momento', 'molestar', 'escribir', 'mensajes', 'llamada', 'humano', 'robot', 'tiempo', 'ahora', 'ocupadisimo',
    'comunicame', 'contactar', 'pendiente',
  ],
  notInterested: {
    strong: [
      'no me interesa', 'ya no me interesa', 'no estoy interesad[oa]', 'no (?:me )?interesad[oa]', 'no (?:nos )?interesa', 'sin interes',
      'no gracias', 'no muchas gracias', 'no quiero', 'no lo quiero', 'no necesito', 'ya no (?:quiero|necesito|me interesa)',
      'ya (?:lo )?compre', 'ya (?:lo )?tengo', 'ya encontre', 'ya consegui', 'ya contrate', 'ya lo resolvi', 'ya me decidi por otr[oa]',
      'no me (?:escribas|escriban|llames|llamen|molestes|molesten|manden|mandes|contactes|contacten|busques|busquen|marques|marquen)',
      'dej(?:en|a|ar) de (?:escribir|mandar|llamar|molestar|enviar)(?:me)?', 'dejame en paz', 'dejenme en paz', 'numero equivocado',
      'se equivoc(?:aron|o) de numero', 'equivocado', 'equivocada', 'no soy (?:yo|la persona|quien busca)', 'borr(?:a|en|ar) mi numero',
      'quit(?:a|en)me de', 'sac(?:a|en)me de', 'dame de baja', 'denme de baja', 'de baja', 'no por ahora gracias', 'no me interesan',
      'no es para mi', 'paso gracias', 'mejor no', 'no ya no', 'ya no gracias', 'cambie de opinion', 'spam', 'no insistan',
      'no insistas',
    ],
    alone: [
      'no', 'ya no', 'no ya no', 'nel', 'nop', 'para nada', 'no creo', 'nada', 'stop', 'alto', 'no gracias', 'emoji_no', 'nunca',
      'ni loco', 'no por ahora',
    ],
  },
  wantsHuman: {
    strong: [
      'hablar con (?:una |un |el |la |alguien |su |tu )?(?:persona|humano|asesor|asesora|agente|vendedor|vendedora|ejecutivo|ejecutiva|alguien|encargado|encargada|gerente|representante|operador|persona real|dueno|jefe|supervisor)',
      'persona real', 'persona de verdad', 'eres (?:un |una )?(?:bot|robot|maquina|ia|contestadora)', 'es (?:un )?(?:bot|robot)',
      '(?:estoy hablando|hablo) con (?:un |una )?(?:bot|robot|maquina|persona|contestadora)', 'contestadora', 'respuesta automatica',
      'mensaje automatico', 'pasame (?:con|a)', 'comunicame con', 'me comunicas con', 'me pasas con', 'me puede(?:s|n)? pasar con',
      'quiero (?:un|una|al|hablar con) (?:asesor|asesora|persona|humano|agente|vendedor)',
      'que me (?:llame|marque|contacte|hable) (?:alguien|un asesor|una persona|un vendedor|un agente)',
      'atencion (?:al cliente|personalizada)', 'un humano', 'emoji_bot',
      'no (?:quiero|me gusta) hablar con (?:un )?(?:bot|robot|maquina)', 'un asesor', 'una asesora',
    ],
    weak: [
      'llamame', 'marcame', 'me (?:puedes|pueden|podrias|podria|puede) (?:llamar|marcar|hablar)',
      'me (?:llamas|marcas|hablas|llaman|marcan)', 'llamada', 'tu numero', 'su numero', 'numero de (?:telefono|whatsapp|celular)',
      'emoji_phone', 'prefiero (?:una llamada|que me llamen|hablar)',
    ],
  },
  busy: {
    strong: [
      'ocupad[oa]s?', 'ocupadisim[oa]', 'manejando', 'conduciendo', 'trabajando', 'en el trabajo', 'en la chamba', 'chambeando',
      'en (?:una |la )?(?:junta|reunion|clase|llamada|consulta|cita|misa)',
      'no puedo (?:hablar|contestar|atender|ahorita|ahora|en este momento|platicar)', 'ahorita no', 'ahora no', 'en este momento no',
      'no es buen momento', 'mal momento', 'no tengo tiempo', 'sin tiempo',
      'luego (?:te|le|les) (?:escribo|marco|hablo|llamo|aviso|contesto|digo|busco|mando)',
      '(?:te|le) (?:escribo|marco|hablo|llamo|aviso|contesto|busco|mando) (?:luego|despues|mas tarde|al rato|en un rato)', 'mas tarde',
      'al rato', 'en un rato', 'luego', 'despues', 'otro dia', 'otro momento', 'en otro momento',
      'dame (?:un (?:momento|minuto|segundo|rato)|chance|oportunidad)', 'un momento', 'un momentito', 'un segundo', 'un minuto',
      'ahorita (?:te|le|lo|la)', 'ahorita estoy',
      'estoy en (?:el|la) (?:doctor|medico|hospital|escuela|gym|gimnasio|camino|calle|carretera)', 'de viaje', 'viajando', 'durmiendo',
      'comiendo', 'te aviso', 'le aviso', 'te confirmo', 'le confirmo', 'cuando pueda', 'cuando tenga tiempo', 'cuando me desocupe',
      'cuando llegue', 'en cuanto pueda', 'lo pienso', 'lo voy a pensar', 'dejame pensarlo',
      'dej(?:a|e)me (?:ver|checar|revisar|pensar)(?:lo)?', 'lo checo', 'lo reviso', 'voy manejando', 'emoji_driving', 'emoji_sleep',
      'emoji_running', 'ando (?:en la calle|fuera|afuera|ocupad[oa]|manejando|trabajando)', 'no estoy disponible', 'voy de salida',
      'tengo prisa', 'no puedo (?:manana|hoy)', '(?:manana|hoy) no puedo', 'ando con prisa',
    ],
  },
  goodbye: {
    strong: [
      'adios', 'bye', 'chao', 'hasta luego', 'hasta pronto', 'hasta la proxima', 'nos vemos', 'cuidate', 'cuidese', 'cuidense',
      'que (?:tengas|tenga|tengan|este|esten) (?:buen|bonito|lindo|excelente|feliz|gran) (?:dia|tarde|noche|fin|finde)',
      '(?:buen|bonito|lindo|feliz|excelente) (?:fin de semana|finde)', 'nos vemos (?:luego|despues|al rato|pronto)', 'bonito dia',
      'lindo dia', 'feliz dia', 'eso es todo', 'es todo', 'seria todo',
      'gracias por (?:todo|tu ayuda|su ayuda|la ayuda|tu tiempo|su tiempo)', 'emoji_wave', 'me despido', 'buen fin de semana',
      'buen finde',
    ],
    alone: ['saludos', 'buenas noches', 'bonita noche', 'linda noche', 'que descanses', 'descansa'],
  },
  notBusy: [
    '(?:no|ya no|nunca) (?:estoy|ando|estamos) (?:tan |muy )?ocupad[oa]s?', 'ya me desocupe', '(?:ya )?(?:estoy|ando) libre',
    'ya estoy disponible', '(?:estaba|estuve|andaba|estaba muy) (?:ocupad[oa]|manejando|trabajando|en una junta|en una reunion)',
    'no estoy manejando',
  ],
  contact: [
    'llam', 'marc', 'escrib', 'habl', 'platic', 'contact', 'busca', 'mensaje', 'whats', 'manda', 'envia', 'comunic', 'intenta', 'vuelve',
    'regresa', 'recuerda', 'libre', 'disponible', 'puedo', 'podemos', 'mejor', 'prefiero', 'me queda', 'quedamos', 'te parece', 'sale',
    'dale', 'vale', 'orale', 'ver', 'vemos', 'checamos', 'cheque', 'mensaj', 'seguimiento', 'retom',
  ],
  nonRequest: [
    'cita', 'abren', 'abre', 'cierran', 'cierra', 'horario', 'entrega', 'llega', 'envio', 'vence', 'valida', 'promocion', 'oferta',
    'cumpleanos', 'fiesta', 'vuelo', 'partido', 'fue', 'estuve', 'hice', 'tuve',
  ],
  neutral: ['no (?:se|sabia|entiendo|entendi|entendo|hay problema|te preocupes|pasa nada|importa)', 'sin problema', 'ni idea'],
  fillers: [
    'ok', 'gracias', 'por favor', 'perdon', 'disculpa', 'disculpe', 'lo siento', 'hola', 'si', 'claro', 'jaja', 'jeje', 'pues', 'bueno',
    'entonces', 'amigo', 'amiga', 'senor', 'senora', 'joven', 'wey', 'va', 'sale', 'vale', 'emoji_thanks', 'muchas', 'mil', 'y', 'pero',
    'que', 'oye', 'mira', 'este', 'ah', 'oh', 'mm', 'perfecto', 'excelente', 'muy', 'bien', 'igualmente', 'tu', 'usted', 'ya', 'buenas',
    'buenos dias', 'buen dia',
  ],
};
