"""Name lists for synthetic people: common in England, none belonging to anyone in particular."""

import numpy as np

GIRLS = np.array("""Olivia Amelia Isla Ava Mia Ivy Lily Isabella Sophia Grace Freya Ella Evie Poppy Charlotte Emily
Willow Sophie Daisy Ruby Millie Alice Florence Jessica Chloe Lucy Hannah Holly Megan Amy Lauren Bethany Katie
Rebecca Elizabeth Eleanor Katherine Susan Sarah Emma Leah Abigail Jasmine Phoebe Scarlett Harper Aisha Maryam
Zara Layla Imogen Erin Caitlin Shannon Paige Courtney Kayleigh Jade Danielle Gemma Nicola""".split())
BOYS = np.array("""Oliver George Noah Arthur Harry Leo Muhammad Jack Charlie Oscar Jacob Henry Thomas Freddie Alfie
Theo William Theodore Archie Joshua Alexander James Isaac Edward Lucas Tommy Finley Max Logan Ethan Daniel Samuel
Benjamin Joseph Matthew Michael Christopher Robert David Andrew Nicholas Liam Callum Kyle Connor Jordan Luke Ryan
Reece Lewis Bradley Dylan Tyler Jake Mason Riley Harvey Kian Zain Ibrahim Adam""".split())
SURNAMES = np.array("""Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker
White Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis James Phillips Mason Mitchell Rose Davis Rodriguez Cox
Alexander Morgan Moore Martin Price Turner Lee Harrison Cooper Ward Morris King Baker Hill Hughes Watson Shaw
Kelly Scott Marshall Allen Young Anderson Bell Parker Harris Murphy Bailey Chapman Hussain Ali Simpson Atkinson
Holmes Barker Pearson Dixon Lambert Fletcher Hudson Ellis Kirk Gibson Booth Webster Hargreaves Whitehead Sykes
Hirst Haigh Firth Crossley Ackroyd Brook Priestley Lister Greenwood Bottomley Armitage Senior Wainwright Beaumont
Kowalski Nowak Wisniewski Popescu Ionescu Ahmed Begum Rahman Okafor Mensah Nguyen Chen Murray Stewart Campbell
Robertson Reid Ross Walsh Byrne Ryan Doyle Kennedy Lynch Quinn Hayes Dunn Moran""".split())
STREETS = np.array("""Church Street|High Street|Station Road|Main Street|Park Road|Victoria Road|Green Lane|Manor Road
Church Lane|Mill Lane|School Lane|Queens Road|New Road|Grange Road|Alexandra Road|Kings Road|York Road|Albert Road
North Street|Springfield Road|Windsor Road|Highfield Road|The Crescent|Chestnut Avenue|Balby Road|Bawtry Road
Thorne Road|Armthorpe Road|Bentley Road|Carr House Road""".replace("\n", "|").split("|"))
