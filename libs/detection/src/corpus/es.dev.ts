/** Labelled es replies (dev set): one per line, tab-separated (see labelled-corpus.ts). */
export const ES_DEV = `
# Spanish replies (Mexico first). Columns: intent, expected local time (YYYY-MM-DDTHH:mm, YYYY-MM-DD for a day without a time, - for none), text, optional local send time and zone.
# Default: sent Wednesday 2026-06-10 10:15 in America/Mexico_City.
busy	-	estoy ocupado
busy	-	toy ocupada
busy	-	ocupado ahorita
busy	-	ahorita no puedo
busy	-	voy manejando
busy	-	manejando 🚗
busy	-	estoy en una junta
busy	-	en junta, luego te marco
busy	-	ahorita no
busy	-	ahora no puedo hablar
busy	-	no puedo contestar
busy	-	más tarde
busy	-	mas tarde
busy	-	luego
busy	-	al rato
busy	-	al rato te escribo
busy	-	luego te escribo
busy	-	después hablamos
busy	-	en un rato te marco
busy	-	estoy trabajando
busy	-	ando en el trabajo
busy	-	ando manejando, luego le llamo
busy	-	un momento por favor
busy	-	dame un minuto
busy	-	ahorita estoy ocupado, luego te aviso
busy	-	te aviso
busy	-	yo le aviso
busy	-	lo voy a pensar
busy	-	déjame checarlo con mi esposo
busy	-	no tengo tiempo ahorita
busy	-	estoy en el doctor
busy	-	ando de viaje
busy	-	en clase
busy	-	no es buen momento
busy	-	mal momento
busy	-	otro día
busy	-	cuando me desocupe te escribo
busy	-	ocupadisimo
busy	-	toy manejando
busy	-	en este momento no puedo
busy	-	estoy en una reunión, más tarde
busy	-	ocupao
busy	-	ahorita ando ocupada 😅
busy	-	luego platicamos
busy	-	en cuanto pueda le contesto
busy	-	marcame mas tarde
requested_followup	2026-06-11T15:00	mañana a las 3
requested_followup	2026-06-11T15:00	manana a las 3
requested_followup	2026-06-11T15:00	llámame mañana a las 3 de la tarde
requested_followup	2026-06-12T10:00	el viernes a las 10
requested_followup	2026-06-10T10:45	en media hora
requested_followup	2026-06-10T10:45	márcame en media hora
requested_followup	2026-06-10T11:15	en una hora
requested_followup	2026-06-10T11:15	en 1 hora te marco
requested_followup	2026-06-10T12:15	en 2 horas
requested_followup	2026-06-10T10:35	dame 20 minutos
requested_followup	2026-06-10T10:25	en 10 min
requested_followup	2026-06-11T15:00	mañana en la tarde
requested_followup	2026-06-11T15:00	mañana por la tarde
requested_followup	2026-06-11T09:00	mañana en la mañana
requested_followup	2026-06-11T09:00	mañana por la mañana
requested_followup	2026-06-11T09:00	mañana temprano
requested_followup	2026-06-11T19:00	mañana en la noche
requested_followup	2026-06-11	mañana
requested_followup	2026-06-11	manana
requested_followup	2026-06-11	mejor mañana
requested_followup	2026-06-11	llámame mañana
requested_followup	2026-06-11	hablamos mañana
requested_followup	2026-06-11	mañana te marco
requested_followup	2026-06-11	hasta mañana
requested_followup	2026-06-12	pasado mañana
requested_followup	2026-06-15	la próxima semana
requested_followup	2026-06-15	la proxima semana
requested_followup	2026-06-15	la semana que viene
requested_followup	2026-06-15	la otra semana
requested_followup	2026-06-15	búscame la próxima semana
requested_followup	2026-06-15	el lunes
requested_followup	2026-06-15	el lunes me marcas
requested_followup	2026-06-15	mejor el lunes
requested_followup	2026-06-15T10:00	el lunes a las 10
requested_followup	2026-06-15T09:00	el lunes en la mañana
requested_followup	2026-06-12	el viernes
requested_followup	2026-06-12	el próximo viernes
requested_followup	2026-06-11	el jueves
requested_followup	2026-06-16T16:00	el martes a las 4
requested_followup	2026-06-17	el miércoles
requested_followup	2026-06-17	el miercoles
requested_followup	2026-06-13	el sábado
requested_followup	2026-06-13	el fin de semana
requested_followup	2026-06-13	este fin de semana
requested_followup	2026-06-13	el finde
requested_followup	2026-06-10T19:00	hoy en la noche
requested_followup	2026-06-10T19:00	esta noche
requested_followup	2026-06-10T15:00	en la tarde
requested_followup	2026-06-10T15:00	por la tarde mejor
requested_followup	2026-06-10T15:00	esta tarde
requested_followup	2026-06-10T17:00	a las 5
requested_followup	2026-06-10T17:00	llámame a las 5
requested_followup	2026-06-10T17:00	después de las 5
requested_followup	2026-06-10T16:30	a las 4 y media
requested_followup	2026-06-10T20:00	a las 8 de la noche
requested_followup	2026-06-11T10:00	a las 10 de la mañana
requested_followup	2026-06-10T15:00	a las 15:00
requested_followup	2026-06-10T12:00	al mediodía
requested_followup	2026-06-10T15:00	ocupado hasta las 3
requested_followup	2026-06-10T16:00	estoy en junta hasta las 4
requested_followup	2026-06-10T15:00	libre a las 3
requested_followup	2026-06-10T14:00	como a las 2
requested_followup	2026-06-12	en 2 días
requested_followup	2026-06-13	en tres días
requested_followup	2026-06-17	en una semana
requested_followup	2026-06-18	en ocho días
requested_followup	2026-06-25	en 15 días
requested_followup	2026-07-01	el próximo mes
requested_followup	2026-07-01	el mes que viene
requested_followup	2026-07-15	el 15 de julio
requested_followup	2026-06-20	el 20
requested_followup	2026-12-02T15:00	el 2 de diciembre a las 3
requested_followup	2026-07-15	15/07
requested_followup	2026-06-10T18:00	saliendo del trabajo
requested_followup	2026-06-10T18:00	después del trabajo
requested_followup	2026-06-11T15:00	mañana a las 3 porfa
requested_followup	2026-06-11T15:00	mñn a las 3
requested_followup	2026-06-12T11:00	el viernes como a las 11
requested_followup	2026-06-11T17:00	mañana después de las 5
requested_followup	2026-06-11T12:00	mañana a mediodía
requested_followup	2026-06-15	ahorita no, mejor la próxima semana
requested_followup	2026-06-11T15:00	estoy manejando, márcame mañana a las 3
requested_followup	2026-06-11T16:00	mañana a las 16hrs
requested_followup	2026-06-12T15:00	el viernes en la tarde
requested_followup	2026-06-11	mañana lo vemos
requested_followup	2026-06-11	te escribo mañana
requested_followup	2026-06-15	el lunes platicamos
requested_followup	2026-06-10T13:00	a la 1
requested_followup	2026-06-10T12:15	dentro de 2 horas
requested_followup	2026-06-19	el viernes que viene
requested_followup	2026-06-10T19:00	en la noche
requested_followup	2026-06-11T15:00	mañana a las tres
requested_followup	2026-06-12T09:00	el viernes temprano
goodbye	-	adiós
goodbye	-	adios 👋
goodbye	-	bye
goodbye	-	chao
goodbye	-	hasta luego
goodbye	-	nos vemos
goodbye	-	cuídate
goodbye	-	gracias, bye
goodbye	-	que tengas buen día
goodbye	-	que tenga bonito día
goodbye	-	buenas noches
goodbye	-	gracias por tu ayuda
goodbye	-	eso es todo, gracias
goodbye	-	hasta pronto
goodbye	-	saludos
goodbye	-	ok gracias, hasta luego
goodbye	-	👋
goodbye	-	nos vemos luego
goodbye	-	bonito fin de semana
wants_human	-	quiero hablar con una persona
wants_human	-	¿eres un robot?
wants_human	-	eres bot?
wants_human	-	quiero hablar con un asesor
wants_human	-	pásame con un humano
wants_human	-	me puedes llamar?
wants_human	-	llámame
wants_human	-	márcame por favor
wants_human	-	¿estoy hablando con una máquina?
wants_human	-	quiero que me llame un asesor
wants_human	-	comunícame con el gerente
wants_human	-	hablar con alguien
wants_human	-	quiero hablar con el encargado
wants_human	-	es respuesta automática?
wants_human	-	me pasas con alguien de ventas
wants_human	-	prefiero una llamada
wants_human	-	hablar con un agente
not_interested	-	no me interesa
not_interested	-	no gracias
not_interested	-	no, gracias
not_interested	-	no
not_interested	-	ya no me interesa
not_interested	-	ya compré
not_interested	-	ya lo compré en otro lado
not_interested	-	no me escriban más
not_interested	-	dejen de mandarme mensajes
not_interested	-	número equivocado
not_interested	-	se equivocaron de número
not_interested	-	no estoy interesado
not_interested	-	no estoy interesada gracias
not_interested	-	ya no
not_interested	-	déjame en paz
not_interested	-	dame de baja
not_interested	-	no quiero nada
not_interested	-	nel
not_interested	-	no me interesa, gracias
not_interested	-	ya tengo uno
not_interested	-	no me llames
not_interested	-	ya no gracias
not_interested	-	no por ahora
none	-	¿cuánto cuesta?
none	-	cuanto sale
none	-	hola
none	-	ok
none	-	gracias
none	-	👍
none	-	sí
none	-	si me interesa
none	-	no estoy ocupado
none	-	ya no estoy ocupado, dime
none	-	estaba ocupado ayer, qué necesitas
none	-	¿quién habla?
none	-	¿qué precio tiene?
none	-	te llamé ayer a las 3
none	-	tengo cita mañana a las 3
none	-	¿abren el sábado?
none	-	¿a qué hora cierran?
none	-	buenos días, me interesa la casa
none	-	buenas tardes, quisiera información
none	-	mándame fotos
none	-	¿dónde están ubicados?
none	-	¿tienen financiamiento?
none	-	jaja ok
none	-	perfecto
none	-	¿la promoción es válida hasta el viernes?
none	-	ya estoy libre, ¿qué pasó?
none	-	sí claro, mándame la info
none	-	¿aceptan tarjeta?
none	-	quiero comprar un carro
none	-	quiero más información
none	-	me gustaría ver la casa
none	-	quiero el de 2 recámaras
none	-	me pasas una cotización
none	-	necesito algo más grande
none	-	quiero saber el precio
none	-	queremos agendar una visita
none	-	no sé
none	-	no hay problema
busy	-	estoy ocupado mañana
busy	-	mañana no puedo
requested_followup	2026-06-12	mañana no puedo, el viernes sí
none	-	no entiendo
requested_followup	2026-06-11T10:00	ok perfecto, mañana a las 10 entonces
`;
