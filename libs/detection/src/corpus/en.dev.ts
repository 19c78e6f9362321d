/** Labelled en replies (dev set): one per line, tab-separated (see labelled-corpus.ts). */
export const EN_DEV = `
# English replies. Columns: intent, expected local time (YYYY-MM-DDTHH:mm when a time of day is named, YYYY-MM-DD for a day or period: 00:00, timeGiven false; - when none), text, and optionally the local send time and the zone.
# Default: sent Wednesday 2026-06-10 10:15 in America/New_York.
busy	-	can't talk rn
busy	-	cant talk right now
busy	-	Sorry, I'm driving
busy	-	driving 🚗
busy	-	In a meeting
busy	-	in a meeting rn, will get back to u
busy	-	busy!
busy	-	bussy atm
busy	-	im at work
busy	-	at work can't text
busy	-	Not a good time
busy	-	not now
busy	-	not right now sorry
busy	-	later
busy	-	Later!
busy	-	call me later
busy	-	text me later pls
busy	-	later today
busy	-	ttyl
busy	-	talk later
busy	-	gotta go, talk later
busy	-	I'm with a client, I'll get back to you
busy	-	on the phone
busy	-	on another call, one sec
busy	-	give me a minute
busy	-	hold on
busy	-	brb
busy	-	In class
busy	-	swamped today sorry
busy	-	I'll let you know
busy	-	let me think about it
busy	-	let me check with my wife and get back to you
busy	-	I'm at the doctor
busy	-	driving, can't answer
busy	-	busy at the moment
busy	-	im slammed
busy	-	on vacation this week, I'll reach out when I'm back
busy	-	sleeping 😴
busy	-	kinda busy rn
busy	-	can you try me again later?
busy	-	in a bit
busy	-	maybe later
busy	-	another time
busy	-	cant talk, at the gym
busy	-	currently working, will text when I can
busy	-	no time rn
busy	-	I'm out of town
busy	-	not at the moment
busy	-	im driving rn 🚗 talk later
requested_followup	2026-06-11T15:00	Call me tomorrow at 3pm
requested_followup	2026-06-10T17:00	I'm driving, text me at 5
requested_followup	2026-06-11T15:00	tomorrow at 3
requested_followup	2026-06-11T15:00	tmrw at 3
requested_followup	2026-06-11T10:00	call me tmrw 10am
requested_followup	2026-06-10T11:15	in an hour
requested_followup	2026-06-10T11:15	call me in an hour
requested_followup	2026-06-10T10:45	give me 30 min
requested_followup	2026-06-10T10:45	can you call back in half an hour?
requested_followup	2026-06-10T12:15	in 2 hours
requested_followup	2026-06-10T12:15	try me in 2 hrs
requested_followup	2026-06-10T10:25	10 mins
requested_followup	2026-06-10T10:35	call me in 20
requested_followup	2026-06-10T17:00	call me after 5
requested_followup	2026-06-10T17:00	after 5 works
requested_followup	2026-06-10T15:00	free at 3
requested_followup	2026-06-10T16:30	4:30 is better
requested_followup	2026-06-10T15:00	busy until 3
requested_followup	2026-06-10T16:00	in a meeting till 4
requested_followup	2026-06-10T19:00	tonight
requested_followup	2026-06-10T19:00	call me tonight
requested_followup	2026-06-10T20:00	text me at 8 tonight
requested_followup	2026-06-10T15:00	this afternoon
requested_followup	2026-06-10T15:00	this afternoon works
requested_followup	2026-06-11	tomorrow
requested_followup	2026-06-11	tmrw
requested_followup	2026-06-11	tomorrow works better
requested_followup	2026-06-11	call me tomorrow
requested_followup	2026-06-11	can we talk tomorrow?
requested_followup	2026-06-11	busy today, try tomorrow
requested_followup	2026-06-11T09:00	tomorrow morning
requested_followup	2026-06-11T09:00	tmrw morning pls
requested_followup	2026-06-11T15:00	tomorrow afternoon
requested_followup	2026-06-11T19:00	tomorrow night
requested_followup	2026-06-11T19:00	tomorrow evening would be better
requested_followup	2026-06-12	day after tomorrow
requested_followup	2026-06-15	next week
requested_followup	2026-06-15	reach out next week
requested_followup	2026-06-15	can you follow up next week?
requested_followup	2026-06-15	call me next week
requested_followup	2026-06-15	not this week, next week
requested_followup	2026-06-15	monday
requested_followup	2026-06-15	call me monday
requested_followup	2026-06-15	Monday works
requested_followup	2026-06-15T10:00	Can you reach out next Monday at 10am?
requested_followup	2026-06-15T09:00	monday morning
requested_followup	2026-06-15T14:00	monday at 2
requested_followup	2026-06-12	friday
requested_followup	2026-06-12T11:00	friday at 11
requested_followup	2026-06-12	on fri
requested_followup	2026-06-19	next friday
requested_followup	2026-06-11	thursday
requested_followup	2026-06-16T16:00	tues at 4
requested_followup	2026-06-17	wednesday
requested_followup	2026-06-13	this weekend
requested_followup	2026-06-13	call me this weekend
requested_followup	2026-06-13	weekend is better
requested_followup	2026-06-12	in 2 days
requested_followup	2026-06-13	in 3 days
requested_followup	2026-06-17	in a week
requested_followup	2026-06-24	in 2 weeks
requested_followup	2026-07-01	next month
requested_followup	2026-07-01	not right now, maybe next month
requested_followup	2026-06-20	on the 20th
requested_followup	2026-06-20T12:00	june 20 at noon
requested_followup	2026-07-15	7/15
requested_followup	2026-07-02T14:00	July 2nd at 2pm
requested_followup	2026-06-10T12:00	call me at noon
requested_followup	2026-06-10T13:00	at lunch
requested_followup	2026-06-10T18:00	after work
requested_followup	2026-06-10T18:00	call me after work
requested_followup	2026-06-11T18:00	tomorrow after work
requested_followup	2026-06-10T14:00	2pm
requested_followup	2026-06-10T14:00	2 pm works for me
requested_followup	2026-06-10T15:30	3:30?
requested_followup	2026-06-10T15:00	how about 3
requested_followup	2026-06-10T11:00	call me at 11
requested_followup	2026-06-10T17:00	sorry driving, call me at 5
requested_followup	2026-06-11T15:00	I'm busy, call me tomorrow at 3
requested_followup	2026-06-11	see you tomorrow
requested_followup	2026-06-11	talk tomorrow
requested_followup	2026-06-11	ill call you tomorrow
requested_followup	2026-06-15	let's talk monday
requested_followup	2026-06-11T15:00	2morrow @ 3
requested_followup	2026-06-11T15:00	tommorow at 3
requested_followup	2026-06-10T16:00	in a meeting, call me at 4
requested_followup	2026-06-12T09:00	Friday morning is best
requested_followup	2026-06-10T19:00	text me this evening
requested_followup	2026-06-11T08:00	tomorrow 8am
requested_followup	2026-06-12T17:00	can you call back on friday around 5?
requested_followup	2026-06-10T13:15	in 3 hours
requested_followup	2026-06-10T11:45	in an hour and a half
requested_followup	2026-06-11T10:30	tomorrow at 10:30
requested_followup	2026-06-10T17:00	end of day
requested_followup	2026-06-12	end of the week
requested_followup	2026-06-15	early next week
requested_followup	2026-06-16T15:00	next week tuesday at 3
requested_followup	2026-06-11T14:00	hit me up tomorrow around 2
requested_followup	2026-03-09T10:00	next monday at 10	2026-03-04T10:15
requested_followup	2026-03-09	in 5 days	2026-03-04T10:15
requested_followup	2026-03-08T14:00	sunday at 2	2026-03-04T10:15
requested_followup	2026-03-09	next week	2026-03-04T10:15
requested_followup	2026-03-08T15:15	in 100 hours	2026-03-04T10:15
requested_followup	2026-03-10T10:00	tuesday 10am	2026-03-04T10:15
requested_followup	2026-03-05T15:00	tomorrow at 3	2026-03-04T10:15
requested_followup	2026-11-02T09:00	monday at 9	2026-10-28T10:15
requested_followup	2026-11-02	next week	2026-10-28T10:15
requested_followup	2026-11-01T15:00	sunday at 3	2026-10-28T10:15
requested_followup	2026-11-02T09:15	in 120 hours	2026-10-28T10:15
requested_followup	2026-10-31	this weekend	2026-10-28T10:15
goodbye	-	bye
goodbye	-	Bye!
goodbye	-	byeee 👋
goodbye	-	👋
goodbye	-	ok bye
goodbye	-	thanks, bye
goodbye	-	see you later
goodbye	-	see ya
goodbye	-	see u later!
goodbye	-	take care
goodbye	-	have a good day
goodbye	-	have a great weekend!
goodbye	-	good night
goodbye	-	goodnight 🙏
goodbye	-	thats all, thanks
goodbye	-	thanks for your help
goodbye	-	talk soon
goodbye	-	ok thanks, have a good one
goodbye	-	cya
goodbye	-	that's it, thank you!
goodbye	-	goodbye
wants_human	-	can I talk to a real person?
wants_human	-	is this a bot?
wants_human	-	are you a robot
wants_human	-	I want to speak to a human
wants_human	-	agent please
wants_human	-	representative
wants_human	-	can someone call me
wants_human	-	can you call me?
wants_human	-	call me
wants_human	-	please call me
wants_human	-	let me talk to the manager
wants_human	-	am i talking to a bot lol
wants_human	-	connect me with someone
wants_human	-	I'd rather speak to someone
wants_human	-	whats your number? I'll call
wants_human	-	is this automated?
wants_human	-	🤖?
wants_human	-	I need to talk to an agent
not_interested	-	not interested
not_interested	-	Not interested, thanks
not_interested	-	no thanks
not_interested	-	no
not_interested	-	nope
not_interested	-	stop texting me
not_interested	-	STOP
not_interested	-	please remove me from your list
not_interested	-	unsubscribe
not_interested	-	wrong number
not_interested	-	already bought one
not_interested	-	we already went with another company
not_interested	-	don't contact me again
not_interested	-	leave me alone
not_interested	-	not interested anymore
not_interested	-	I'm not looking anymore
not_interested	-	no thank you
not_interested	-	nah im good
not_interested	-	I changed my mind, not interested
not_interested	-	lose my number
not_interested	-	I'll pass
not_interested	-	not intrested
not_interested	-	this is spam
none	-	What are your prices?
none	-	how much is it
none	-	Sounds good, thanks
none	-	ok
none	-	👍
none	-	thanks!
none	-	yes I'm still interested
none	-	who is this?
none	-	I called you yesterday at 3
none	-	I was busy yesterday, what's up
none	-	I'm not busy anymore, let's talk
none	-	not busy now, what do you need?
none	-	is it available?
none	-	do you have it in blue
none	-	my appointment is tomorrow at 3
none	-	are you open on saturday?
none	-	what time do you close
none	-	Good morning! I'd like more info
none	-	yes
none	-	sure, send me the details
none	-	what's the address
none	-	I saw your ad
none	-	can you send pictures?
none	-	is the offer valid until friday?
none	-	lol
none	-	ok cool
none	-	i got it
none	-	I'm free now, what's up
none	-	how does financing work?
none	-	hi
none	-	Good afternoon, I'm interested in the house on Main St
none	-	my husband is driving the car now? lol no, is it automatic?
none	-	I want to buy a car
none	-	i want more info
none	-	I'd like to see the house
none	-	I want the 2 bedroom one
none	-	can I get a quote
none	-	I need a bigger place
none	-	I want to know the price
none	-	we want to schedule a visit
none	-	no problem
requested_followup	2026-06-11	no worries, talk tomorrow
busy	-	I'm busy tomorrow
requested_followup	2026-06-12	not tomorrow, friday
busy	-	I can't tomorrow
requested_followup	2026-06-12	busy tomorrow but friday works
none	-	no worries
none	-	no I haven't seen it yet
requested_followup	2026-06-13T11:00	I saw the 3 bedroom on Oak st, can we do a showing saturday at 11?
`;
