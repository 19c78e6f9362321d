import type { Lexicon } from './lexicon.types';

/** English, as leads text it (shorthand, no apostrophes, lower case). */
// prettier-ignore
export const LEXICON_EN: Lexicon = {
  aliases: {
    rn: 'right now', atm: 'right now', tmrw: 'tomorrow', tmr: 'tomorrow', tmrow: 'tomorrow', tmro: 'tomorrow', tmw: 'tomorrow',
    tomoz: 'tomorrow', '2morrow': 'tomorrow', '2moro': 'tomorrow', '2mrw': 'tomorrow', tommorow: 'tomorrow', tommorrow: 'tomorrow',
    tomorow: 'tomorrow', tomorro: 'tomorrow', tomoro: 'tomorrow', tommorw: 'tomorrow', tonite: 'tonight', '2nite': 'tonight',
    '2night': 'tonight', pls: 'please', plz: 'please', plse: 'please', thx: 'thanks', thnx: 'thanks', thanx: 'thanks', tks: 'thanks',
    ty: 'thanks', tysm: 'thanks', hr: 'hour', hrs: 'hours', wk: 'week', wknd: 'weekend', wkend: 'weekend', b4: 'before', l8r: 'later',
    l8ter: 'later', latr: 'later', u: 'you', ur: 'your', r: 'are', k: 'ok', kk: 'ok', okk: 'ok', okey: 'ok', okay: 'ok', ppl: 'people',
    lemme: 'let me', gimme: 'give me', msg: 'message', txt: 'text', cuz: 'because', bc: 'because', b: 'be', n: 'and', abt: 'about',
    wanna: 'want to', gonna: 'going to', gotta: 'got to', dont: 'dont', im: 'im', ima: 'im going to', imma: 'im going to',
    nvm: 'never mind', idk: 'i dont know', sry: 'sorry', srry: 'sorry', mtg: 'meeting', mins: 'minutes', min: 'minutes',
    rep: 'representative', yr: 'your', thru: 'through', nite: 'night', nxt: 'next', ya: 'you',
  },
  typoWords: [
    'tomorrow', 'tonight', 'morning', 'afternoon', 'evening', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
    'sunday', 'weekend', 'minutes', 'hours', 'driving', 'meeting', 'interested', 'interest', 'unsubscribe', 'remove', 'representative',
    'someone', 'somebody', 'person', 'human', 'later', 'please', 'thanks', 'number', 'already', 'available', 'working', 'goodbye',
    'contact', 'message', 'people', 'anymore', 'texting', 'calling', 'another',
  ],
  notInterested: {
    strong: [
      'not interested', 'no interest', 'uninterested', 'not really interested', 'no longer interested', 'no thanks', 'no thank you',
      'nah thanks', 'no thanks you', 'stop (?:texting|messaging|calling|contacting|sending|bothering|spamming|emailing)(?: me)?',
      '(?:dont|do not|never) (?:text|call|contact|message|email|bother)(?: me)?', 'leave me alone', 'remove me', 'take me off',
      'unsubscribe', 'opt me out', 'opt out', 'optout', 'delete my (?:number|info|contact)', 'lose my number', 'wrong number',
      'wrong person', 'already (?:bought|purchased|have one|got one|found|went with|signed|hired|chose)',
      'went with (?:another|someone else|a different|other)', 'not for me', 'ill pass', 'i will pass', 'im going to pass',
      'no longer need', '(?:dont|do not) need (?:it|this|that|your|any)', 'not looking (?:anymore|for)', 'not buying', 'changed my mind',
      'no means no', '(?:dont|do not) want (?:it|this|that|your|any)', 'fuck off', 'go away', 'please stop', 'stop please', 'spam',
      'scam', 'no im good', '(?:nah|nope) im good', 'im all set', 'not in the market', 'pass for now',
      'found (?:someone|another|something) else', 'decided not to', 'not anymore', 'not going to happen',
    ],
    alone: ['no', 'nope', 'nah', 'stop', 'not really', 'no sorry', 'maybe not', 'i dont think so', 'emoji_no', 'never', 'no way'],
  },
  wantsHuman: {
    strong: [
      '(?:talk|speak|chat) (?:to|with) (?:a |an |the |your )?(?:real |actual |live |human )?(?:person|human|someone|somebody|agent|rep|representative|manager|owner|salesperson|sales rep|advisor|consultant|operator|people|boss|realtor|broker)',
      '(?:real|actual|live) (?:person|human|agent)', 'human please', 'agent please', 'representative', 'operator', 'customer service',
      'is this a (?:bot|robot|machine|ai)', 'are you a (?:bot|robot|real person|human|ai|machine)', 'are you real', 'are you human',
      '(?:am i|i am|im) (?:talking|texting|chatting) (?:to|with) a (?:bot|robot|machine|person|human)', 'is this automated', 'you a bot',
      'automated (?:message|reply|response)', 'emoji_bot',
      '(?:can|could|will) (?:someone|somebody|a person|an agent|a human) (?:call|phone|ring|contact|text)',
      'have (?:someone|somebody|a person|an agent|the agent|your agent) (?:call|contact|reach|text)',
      '(?:connect|transfer|put) me (?:to|with|through)', 'get me (?:a|someone|somebody) (?:real|human|person)',
      'i want (?:a|to talk to a|to speak to a) (?:person|human|agent)', 'a human', 'someone real', 'not a bot', 'no bots?',
      'stop the bot', 'i need (?:a|to talk to a|to speak to a) (?:person|human|agent|rep)',
    ],
    weak: [
      '(?:can|could|would) you (?:please )?(?:call|phone|ring) me', 'please call me', 'call me (?:please|asap|now|back|right now)',
      'give me a call', 'call me', 'phone call', 'emoji_phone', '(?:whats|what is) your (?:number|phone)',
      '(?:give|send) me your (?:number|phone)', '(?:can|could) we talk on the phone', 'prefer (?:a call|to talk)',
    ],
  },
  busy: {
    strong: [
      'busy', 'bussy', 'buzy', 'bizzy', 'driving', 'drivin', 'in a meeting', 'in meeting', 'in a meting', 'in class', 'at work',
      'im working', 'i am working', 'working (?:right now|now|late|till|until)', '(?:still|currently) working', 'on a call',
      'on the phone', 'on another call', 'in the middle of', 'cant (?:talk|chat|text|answer|speak|respond|right now|now)',
      'cannot (?:talk|chat|speak|answer|respond)', 'unable to talk', 'not a good time', 'bad time', 'not now', 'not right now',
      'not at the moment', 'swamped', 'slammed', 'tied up', 'occupied', 'at the gym', 'with a (?:client|customer|patient)',
      'with my kids', 'at the doctor', 'in the hospital', 'on vacation', 'out of town', 'traveling', 'travelling', 'on the road',
      'at school', 'sleeping', 'asleep', 'at church', 'in church', 'having dinner', 'eating', 'at the movies', 'emoji_driving',
      'emoji_sleep', 'emoji_running', 'later', 'talk later', 'ttyl', 'talk to you later', 'another time', 'some other time',
      'get back to you', 'let you know', 'call you back', 'hit you up', 'ill text you', 'ill reach out', 'got to go', 'gtg', 'g2g',
      'give me a (?:minute|min|sec|second|moment)', 'one (?:sec|second|moment|minute)', 'just a (?:sec|second|moment|minute)', 'hold on',
      'brb', 'in a (?:bit|while|minute|sec|second)', 'another day', 'when i get home', 'when im free', 'when i can',
      'when i have (?:time|a (?:minute|moment|chance))', 'not a good moment', 'remind me', 'try (?:me )?again', 'maybe later',
      'let me think', 'think about it', 'ill check', 'let me check', 'at the moment no', 'no time', 'dont have time',
      'not (?:this week|today|tonight|this month|this morning)', 'running late', 'cant (?:do )?(?:tomorrow|today|tonight|this week)', 'in a rush', 'on my way', 'omw',
    ],
  },
  goodbye: {
    strong: [
      'bye', 'byebye', 'bye bye', 'goodbye', 'good bye', 'see (?:you|ya) later', 'see you', 'see ya', 'cya', 'catch you later',
      'take care', 'have a (?:good|great|nice|wonderful|blessed) (?:day|night|evening|weekend|one)', 'good night', 'goodnight', 'gnight',
      'night night', 'peace out', 'thats all', 'that is all', 'thats it', 'nothing else', 'im done', 'we are done', 'farewell',
      'so long', 'adios', 'ciao', 'emoji_wave', 'talk soon', 'thanks for (?:your|the) (?:help|time|assistance)', 'have a good one',
      'all good thanks', 'later gator', 'all done',
    ],
    alone: ['night', 'cheers', 'later then', 'ok thanks bye'],
  },
  notBusy: [
    '(?:not|no longer|isnt|arent|never|im not|i am not) (?:so |too |that |very )?(?:busy|occupied|driving|working)',
    '(?:was|were|been|had been) (?:so |very |really |super )?(?:busy|driving|working|in a meeting|at work|swamped|slammed)', 'free now',
    'im free', 'i am free', 'available now', 'can talk now',
  ],
  contact: [
    'call', 'ring', 'phone', 'text', 'message', 'email', 'mail', 'contact', 'reach', 'ping', 'follow up', 'followup', 'get back', 'talk',
    'speak', 'chat', 'try', 'hit me', 'catch up', 'remind', 'touch base', 'circle back', 'check in', 'check back', 'ask', 'write',
    'come back', 'free', 'available', 'good for me', 'works', 'work for me', 'better', 'best', 'prefer', 'can do', 'lets do',
    'how about', 'what about', 'can we', 'could we', 'lets', 'showing', 'visit', 'tour', 'come by', 'stop by', 'meet', 'discuss', 'connect', 'see you', 'hear from',
  ],
  nonRequest: [
    'appointment', 'appt', 'are you open', 'do you open', 'you open', 'open on', 'close', 'closing', 'delivery', 'deliver', 'arrive',
    'valid', 'expire', 'offer', 'promo', 'sale', 'birthday', 'party', 'flight', 'game', 'was', 'went', 'did', 'had',
  ],
  neutral: ['no (?:problem|worries|prob)', 'dont know', 'do not know', 'dont understand', 'not sure', 'no idea', 'no clue'],
  fillers: [
    'ok', 'okay', 'thanks', 'thank you', 'please', 'sorry', 'hi', 'hey', 'hello', 'yes', 'yeah', 'yep', 'sure', 'lol', 'haha', 'so',
    'well', 'then', 'man', 'bro', 'sir', 'maam', 'emoji_thanks', 'cool', 'alright', 'great', 'perfect', 'oh', 'ah', 'hm', 'uh', 'and',
    'but', 'just', 'for now', 'again', 'you', 'for real', 'really', 'all', 'good',
  ],
};
