/** Labelled pt replies (dev set): one per line, tab-separated (see labelled-corpus.ts). */
export const PT_DEV = `
# Brazilian Portuguese replies. Columns: intent, expected local time (YYYY-MM-DDTHH:mm, YYYY-MM-DD for a day without a time, - for none), text, optional local send time and zone.
# Default: sent Wednesday 2026-06-10 10:15 in America/Sao_Paulo.
busy	-	estou ocupado
busy	-	tô ocupada
busy	-	to ocupado agora
busy	-	tô dirigindo
busy	-	dirigindo 🚗
busy	-	estou em reunião
busy	-	em reuniao, depois te chamo
busy	-	agora não posso
busy	-	agora nao
busy	-	não posso falar agora
busy	-	n posso falar agr
busy	-	mais tarde
busy	-	depois
busy	-	depois te falo
busy	-	daqui a pouco te respondo
busy	-	daqui a pouco
busy	-	já já te chamo
busy	-	tô no trabalho
busy	-	to no trampo
busy	-	trabalhando agora
busy	-	um momento
busy	-	só um minuto
busy	-	tô na correria
busy	-	corrido hoje
busy	-	te aviso
busy	-	vou pensar
busy	-	vou ver com meu marido e te falo
busy	-	sem tempo agora
busy	-	estou no médico
busy	-	viajando
busy	-	em aula
busy	-	não é um bom momento
busy	-	outro dia
busy	-	quando eu puder te respondo
busy	-	ocupadaaa
busy	-	to dirigindo, depois te ligo
busy	-	estou numa reunião, mais tarde falamos
busy	-	pera aí
busy	-	depois a gente conversa
busy	-	tô sem tempo
busy	-	me liga mais tarde
busy	-	agr não dá
busy	-	tô saindo agora, depois te retorno
busy	-	estou atendendo um cliente, te retorno depois
requested_followup	2026-06-11T15:00	amanhã às 15h
requested_followup	2026-06-11T15:00	me liga amanhã às 15h
requested_followup	2026-06-11T15:00	amanha as 3
requested_followup	2026-06-11T15:00	amanhã às 3 da tarde
requested_followup	2026-06-10T10:30	daqui a 15 min
requested_followup	2026-06-10T10:30	me chama daqui 15 minutos
requested_followup	2026-06-10T11:15	daqui a uma hora
requested_followup	2026-06-10T11:15	em uma hora
requested_followup	2026-06-10T10:45	em meia hora
requested_followup	2026-06-10T12:15	em 2 horas
requested_followup	2026-06-10T12:15	daqui 2h
requested_followup	2026-06-10T10:35	me dá 20 minutos
requested_followup	2026-06-11T09:00	amanhã de manhã
requested_followup	2026-06-11T09:00	amanha de manha
requested_followup	2026-06-11T09:00	amanhã cedo
requested_followup	2026-06-11T15:00	amanhã à tarde
requested_followup	2026-06-11T15:00	amanha a tarde
requested_followup	2026-06-11T19:00	amanhã à noite
requested_followup	2026-06-11	amanhã
requested_followup	2026-06-11	amanha
requested_followup	2026-06-11	amn
requested_followup	2026-06-11	melhor amanhã
requested_followup	2026-06-11	me liga amanhã
requested_followup	2026-06-11	falamos amanhã
requested_followup	2026-06-11	amanhã eu te ligo
requested_followup	2026-06-11	até amanhã
requested_followup	2026-06-12	depois de amanhã
requested_followup	2026-06-15	semana que vem
requested_followup	2026-06-15	na semana que vem
requested_followup	2026-06-15	próxima semana
requested_followup	2026-06-15	me procura semana que vem
requested_followup	2026-06-15	segunda-feira
requested_followup	2026-06-15	segunda
requested_followup	2026-06-15	na segunda
requested_followup	2026-06-15	segunda feira me liga
requested_followup	2026-06-15T10:00	segunda às 10h
requested_followup	2026-06-15T09:00	segunda de manhã
requested_followup	2026-06-12	sexta
requested_followup	2026-06-12	sexta-feira
requested_followup	2026-06-12	na próxima sexta
requested_followup	2026-06-12T10:00	sexta às 10
requested_followup	2026-06-11	quinta
requested_followup	2026-06-16T16:00	terça às 16h
requested_followup	2026-06-17	quarta que vem
requested_followup	2026-06-13	sábado
requested_followup	2026-06-13	no fim de semana
requested_followup	2026-06-13	fds
requested_followup	2026-06-13	final de semana
requested_followup	2026-06-10T19:00	hoje à noite
requested_followup	2026-06-10T19:00	hoje a noite
requested_followup	2026-06-10T19:00	à noite
requested_followup	2026-06-10T15:00	à tarde
requested_followup	2026-06-10T15:00	hoje à tarde
requested_followup	2026-06-10T15:00	de tarde
requested_followup	2026-06-10T17:00	às 17h
requested_followup	2026-06-10T17:00	me liga às 17h
requested_followup	2026-06-10T17:00	depois das 5
requested_followup	2026-06-10T17:00	depois das 17h
requested_followup	2026-06-10T14:30	às 14h30
requested_followup	2026-06-10T16:30	às 4 e meia
requested_followup	2026-06-10T20:00	às 8 da noite
requested_followup	2026-06-11T10:00	às 10 da manhã
requested_followup	2026-06-10T12:00	ao meio-dia
requested_followup	2026-06-10T15:00	ocupado até as 3
requested_followup	2026-06-10T16:00	em reunião até as 16h
requested_followup	2026-06-10T15:00	livre às 15h
requested_followup	2026-06-10T14:00	lá pelas 2
requested_followup	2026-06-12	daqui a 2 dias
requested_followup	2026-06-12	em 2 dias
requested_followup	2026-06-17	daqui a uma semana
requested_followup	2026-06-25	em 15 dias
requested_followup	2026-07-01	mês que vem
requested_followup	2026-07-01	no próximo mês
requested_followup	2026-12-02T15:00	dia 2 de dezembro às 15h
requested_followup	2026-06-20	dia 20
requested_followup	2026-07-15	15/07
requested_followup	2026-07-15	15 de julho
requested_followup	2026-06-10T18:00	depois do trabalho
requested_followup	2026-06-10T18:00	quando sair do trabalho
requested_followup	2026-06-10T13:00	na hora do almoço
requested_followup	2026-06-11T15:00	amanhã às 15h pfv
requested_followup	2026-06-11T15:00	amnh as 15h
requested_followup	2026-06-11T14:00	amanhã depois do almoço
requested_followup	2026-06-15	agora não, semana que vem
requested_followup	2026-06-11T15:00	tô dirigindo, me liga amanhã às 15h
requested_followup	2026-06-12T15:00	sexta à tarde
requested_followup	2026-06-11	amanhã a gente se fala
requested_followup	2026-06-11	te chamo amanhã
requested_followup	2026-06-15	segunda conversamos
requested_followup	2026-06-10T13:00	à 1
requested_followup	2026-06-10T12:15	daqui a duas horas
requested_followup	2026-06-11T15:00	amanhã às três
requested_followup	2026-06-12T09:00	sexta cedo
requested_followup	2026-06-10T19:00	de noite
requested_followup	2026-06-10T11:15	daqui 1 hora
requested_followup	2026-06-10T20:00	hj às 20h
goodbye	-	tchau
goodbye	-	tchauuu 👋
goodbye	-	xau
goodbye	-	até mais
goodbye	-	até logo
goodbye	-	falou
goodbye	-	flw
goodbye	-	obrigado, tchau
goodbye	-	abraço
goodbye	-	boa noite
goodbye	-	tenha um bom dia
goodbye	-	bom fim de semana
goodbye	-	obrigada pela ajuda
goodbye	-	era só isso, obrigado
goodbye	-	valeu, até mais
goodbye	-	👋
goodbye	-	se cuida
goodbye	-	fica com Deus
goodbye	-	beijos
wants_human	-	quero falar com uma pessoa
wants_human	-	você é um robô?
wants_human	-	vc é robo?
wants_human	-	quero falar com um atendente
wants_human	-	me passa pra alguém
wants_human	-	pode me ligar?
wants_human	-	me liga
wants_human	-	me liga por favor
wants_human	-	tô falando com um robô?
wants_human	-	quero falar com o vendedor
wants_human	-	atendimento humano
wants_human	-	quero falar com alguém
wants_human	-	falar com o gerente
wants_human	-	isso é resposta automática?
wants_human	-	alguém pode me ligar?
wants_human	-	prefiro uma ligação
wants_human	-	falar com um consultor
not_interested	-	não tenho interesse
not_interested	-	nao tenho interesse
not_interested	-	não, obrigado
not_interested	-	nao obrigada
not_interested	-	não
not_interested	-	n
not_interested	-	não quero
not_interested	-	já comprei
not_interested	-	já comprei em outro lugar
not_interested	-	para de me mandar mensagem
not_interested	-	não me mande mais mensagens
not_interested	-	número errado
not_interested	-	foi engano
not_interested	-	não estou interessado
not_interested	-	me tira dessa lista
not_interested	-	sai fora
not_interested	-	não me interessa
not_interested	-	ja tenho
not_interested	-	desisti
not_interested	-	não preciso mais
not_interested	-	me deixa em paz
not_interested	-	não, valeu
not_interested	-	nao quero mais
none	-	quanto custa?
none	-	qual o valor?
none	-	oi
none	-	ok
none	-	obrigado
none	-	👍
none	-	sim
none	-	tenho interesse sim
none	-	não estou ocupado
none	-	já estou livre, pode falar
none	-	tava ocupado ontem, o que precisa?
none	-	quem fala?
none	-	te liguei ontem às 3
none	-	tenho consulta amanhã às 15h
none	-	vocês abrem sábado?
none	-	que horas fecha?
none	-	bom dia, tenho interesse no apartamento
none	-	boa tarde, gostaria de informações
none	-	manda fotos
none	-	onde fica?
none	-	tem financiamento?
none	-	kkk ok
none	-	perfeito
none	-	a promoção vale até sexta?
none	-	valeu
none	-	sim, pode mandar
none	-	aceita cartão?
none	-	beleza
none	-	quero comprar um carro
none	-	quero mais informações
none	-	gostaria de ver a casa
none	-	quero o de 2 quartos
none	-	me passa um orçamento
none	-	preciso de um lugar maior
none	-	quero saber o preço
none	-	queremos agendar uma visita
busy	-	já volto
none	-	sem problema
none	-	não sei
busy	-	amanhã não posso
requested_followup	2026-06-12	amanhã não dá, sexta sim
none	-	não entendi
busy	-	to ocupado amanhã
`;
