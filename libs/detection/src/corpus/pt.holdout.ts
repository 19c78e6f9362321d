/** Labelled pt replies (holdout set): one per line, tab-separated (see labelled-corpus.ts). */
export const PT_HOLDOUT = `
# Held-out Portuguese replies: written after the lexicons were tuned on pt.tsv and never used to tune them. Same columns and defaults as pt.tsv.
busy	-	tô muito ocupado hoje
busy	-	to dirigindo agora
busy	-	estou trabalhando
busy	-	não posso agora, tô em reunião
busy	-	depois eu te ligo
busy	-	tô almoçando
busy	-	deixa eu ver e te aviso
busy	-	estou com um cliente
busy	-	mais tardinho
busy	-	tô na rua agora
busy	-	não consigo falar agora
busy	-	to bem ocupada hj
busy	-	já te respondo
busy	-	agora tá complicado
busy	-	n da agora
requested_followup	2026-06-11T16:00	amanhã às 16h
requested_followup	2026-06-11T10:30	amanhã às 10:30
requested_followup	2026-06-10T11:15	me liga daqui uma hora
requested_followup	2026-06-10T10:45	em 30 minutos
requested_followup	2026-06-15	segunda é melhor
requested_followup	2026-06-16	terça
requested_followup	2026-06-12T13:00	sexta às 13h
requested_followup	2026-06-15	me chama semana que vem
requested_followup	2026-06-10T18:00	depois das 18h
requested_followup	2026-06-11T15:00	amanhã à tarde te ligo
requested_followup	2026-06-10T19:30	hoje às 19:30
requested_followup	2026-06-13T10:00	sábado às 10h
requested_followup	2026-07-01	mês que vem é melhor
requested_followup	2026-06-11	amanhã vc me liga
requested_followup	2026-06-15T11:00	segunda às 11
requested_followup	2026-06-10T16:00	me liga às 4 por favor
requested_followup	2026-06-13	no fim de semana é melhor
requested_followup	2026-06-12	daqui uns 2 dias
requested_followup	2026-06-11T09:00	amanhã cedinho
requested_followup	2026-06-10T15:00	hoje de tarde
goodbye	-	tchau obrigado
goodbye	-	obrigada, tenha um ótimo dia
goodbye	-	até mais, valeu
goodbye	-	tchau tchau
goodbye	-	até logo 👋
goodbye	-	boa noite pra vc
goodbye	-	era isso, obrigado
goodbye	-	abraços
wants_human	-	posso falar com alguém?
wants_human	-	vc é uma pessoa de verdade?
wants_human	-	quero um humano
wants_human	-	me passa para um atendente por favor
wants_human	-	alguém me liga?
wants_human	-	é um robô?
wants_human	-	quero falar com uma pessoa de verdade
not_interested	-	não tenho mais interesse obrigado
not_interested	-	não me mandem mais mensagem
not_interested	-	não estamos interessados
not_interested	-	apaga meu número
not_interested	-	já achamos outra opção
not_interested	-	não é pra mim, obrigado
not_interested	-	não obrigado, tô bem
not_interested	-	para de me mandar msg
none	-	qual o preço
none	-	vocês entregam?
none	-	ok obrigado
none	-	blz
none	-	oi?
none	-	quem é
none	-	tenho interesse, como funciona
none	-	passei na casa ontem
none	-	a visita de sábado tá confirmada?
none	-	me manda o link
`;
