/** Labelled es replies (holdout set): one per line, tab-separated (see labelled-corpus.ts). */
export const ES_HOLDOUT = `
# Held-out Spanish replies: written after the lexicons were tuned on es.tsv and never used to tune them. Same columns and defaults as es.tsv.
busy	-	ando ocupado
busy	-	ahorita ando manejando
busy	-	estoy en el trabajo
busy	-	no puedo ahorita, ando en junta
busy	-	luego le marco
busy	-	ahorita estoy comiendo
busy	-	déjame ver y te aviso
busy	-	estoy atendiendo un cliente
busy	-	más tardecito
busy	-	ahorita estoy en la calle
busy	-	no puedo hablar
busy	-	estoy bien ocupada hoy
busy	-	en un ratito te contesto
busy	-	me agarras ocupado
busy	-	orita no
requested_followup	2026-06-11T16:00	mañana a las 4
requested_followup	2026-06-11T10:30	mañana a las 10:30
requested_followup	2026-06-10T11:15	márcame en una hora
requested_followup	2026-06-10T10:45	en 30 minutos
requested_followup	2026-06-15	el lunes mejor
requested_followup	2026-06-16	el martes
requested_followup	2026-06-12T13:00	el viernes a la 1
requested_followup	2026-06-15	escríbeme la próxima semana
requested_followup	2026-06-10T18:00	después de las 6
requested_followup	2026-06-11T15:00	mañana en la tarde te marco
requested_followup	2026-06-10T19:30	hoy a las 7:30 de la noche
requested_followup	2026-06-13T10:00	el sábado a las 10
requested_followup	2026-07-01	el próximo mes mejor
requested_followup	2026-06-11	mañana me llamas
requested_followup	2026-06-15T11:00	el lunes a las 11
requested_followup	2026-06-10T16:00	llámame a las 4 porfa
requested_followup	2026-06-13	el fin de semana mejor
requested_followup	2026-06-12	en un par de días
requested_followup	2026-06-11T09:00	mañana temprano por favor
requested_followup	2026-06-10T15:00	hoy en la tarde
goodbye	-	bye gracias
goodbye	-	gracias, que estés bien
goodbye	-	hasta luego, gracias
goodbye	-	chao chao
goodbye	-	nos vemos 👋
goodbye	-	que tenga buena noche
goodbye	-	es todo, gracias
goodbye	-	cuídese mucho
wants_human	-	puedo hablar con alguien?
wants_human	-	eres una persona real?
wants_human	-	quiero un humano
wants_human	-	me comunica con un asesor por favor
wants_human	-	que me llame alguien
wants_human	-	¿es un bot?
wants_human	-	quiero hablar con una persona de verdad
not_interested	-	ya no me interesa gracias
not_interested	-	no me vuelvan a escribir
not_interested	-	no estamos interesados
not_interested	-	borren mi número
not_interested	-	ya encontramos otra opción
not_interested	-	no es para mí, gracias
not_interested	-	no gracias, estoy bien
not_interested	-	no me mandes mensajes
none	-	cuál es el precio
none	-	hacen envíos?
none	-	ok gracias
none	-	va
none	-	hola?
none	-	quién eres
none	-	me interesa, cómo funciona
none	-	ayer pasé por la casa
none	-	sigue en pie la visita del sábado?
none	-	mándame el link
`;
