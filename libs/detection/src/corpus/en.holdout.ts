/** Labelled en replies (holdout set): one per line, tab-separated (see labelled-corpus.ts). */
export const EN_HOLDOUT = `
# Held-out English replies: written after the lexicons were tuned on en.tsv and never used to tune them. Same columns and defaults as en.tsv.
busy	-	sorry cant talk im at work
busy	-	driving atm
busy	-	im in the middle of something
busy	-	with a patient rn
busy	-	pretty busy today
busy	-	Can't chat now
busy	-	I'm at my kids game, talk later
busy	-	working, text me later
busy	-	super busy this week sorry
busy	-	on a call, will call you back
busy	-	need to think about it
busy	-	lemme get back to you
busy	-	not a great time
busy	-	heading into a meeting
busy	-	on the road rn
requested_followup	2026-06-11T16:00	tomorrow at 4 works
requested_followup	2026-06-11T09:30	call me tmr 9:30am
requested_followup	2026-06-10T10:45	in 30 minutes
requested_followup	2026-06-10T11:15	try again in an hour
requested_followup	2026-06-15	monday works best for me
requested_followup	2026-06-16	tuesday is better
requested_followup	2026-06-12T13:00	friday at 1
requested_followup	2026-06-15	reach back out next week please
requested_followup	2026-06-10T18:00	after 6
requested_followup	2026-06-10T15:00	anytime after 3
requested_followup	2026-06-11T15:00	tmrw afternoon
requested_followup	2026-06-10T19:30	7:30 tonight
requested_followup	2026-06-13T10:00	saturday at 10am
requested_followup	2026-07-01	check back next month
requested_followup	2026-06-17	a week from today
requested_followup	2026-06-11	can u text me tomorrow
requested_followup	2026-06-15T11:00	monday 11am
requested_followup	2026-06-10T16:00	call me at 4 please
requested_followup	2026-06-13	over the weekend
requested_followup	2026-06-12	in a couple days
goodbye	-	ok bye now
goodbye	-	bye bye
goodbye	-	thanks, have a nice day
goodbye	-	see ya later
goodbye	-	nite
goodbye	-	take care 👋
goodbye	-	ok that's all i needed, bye
goodbye	-	have a blessed day
wants_human	-	can i speak to someone
wants_human	-	are you a real person?
wants_human	-	i want a human
wants_human	-	get me a real person
wants_human	-	could someone from your team call me
wants_human	-	is this an AI?
wants_human	-	I'd like to talk with a representative
not_interested	-	no longer interested thanks
not_interested	-	please stop messaging me
not_interested	-	not interested at this time
not_interested	-	remove my number
not_interested	-	we found someone else
not_interested	-	not for us, thanks
not_interested	-	no we're good
not_interested	-	don't text me
none	-	what's the price
none	-	do you deliver?
none	-	got it thanks
none	-	ok sounds good
none	-	hello?
none	-	who's this
none	-	i'm interested, how does it work
none	-	i drove by the house yesterday
none	-	is saturday's open house still on?
none	-	can you send me the link
`;
